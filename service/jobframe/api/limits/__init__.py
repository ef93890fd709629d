"""What one GraphQL request may ask and when it runs: one walk of the document for depth,
aliases and cost, argument bounds, the costly lane, and the extensions that apply them."""
