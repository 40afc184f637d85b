// Differences between our composition and Apollo's that we accept, by case,
// each with the reason. A diff line containing `match` is explained.
export const KNOWN = {};
