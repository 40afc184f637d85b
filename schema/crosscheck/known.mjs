// Differences between our composition and Apollo's that we accept, by case,
// each with the reason. A diff line containing `match` is explained.
export const KNOWN = {
  error_unsupported_feature: [
    {
      match: 'apollo composed successfully, we report UNSUPPORTED_FEATURE',
      reason:
        '@context/@fromContext (join v0.5 contextArguments) are not implemented: we refuse to compose ' +
        'rather than produce a supergraph that silently drops them.',
    },
  ],
};
