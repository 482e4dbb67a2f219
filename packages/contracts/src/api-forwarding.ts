/** HTTP schemas and routes: Forwarding verified cases to authorities and media, and following them to their outcome (issue 3). */
export {};
