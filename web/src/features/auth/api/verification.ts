import { graphql } from '@/gql';

/** Whether the signed-in person's address is verified, as the users service knows it now. */
export const EmailVerifiedQuery = graphql(`
  query EmailVerified {
    me {
      id
      emailVerified
    }
  }
`);
