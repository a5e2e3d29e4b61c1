/**
 * Participant ids are chosen by each provider (`sub`), so two providers may both have a "p-1".
 * The server keeps them apart by storing a database provider's participants as
 * `<providerId>:<sub>`; the configured (demo or env) provider keeps bare ids, as before
 * providers lived in the database. Reports and the progress call show providers their own ids.
 */
export function participantKey(providerId: string, sub: string, namespaced: boolean): string {
  return namespaced ? `${providerId}:${sub}` : sub;
}

/** The provider's own id for a stored participant key. */
export function subjectOf(providerId: string, key: string): string {
  const prefix = `${providerId}:`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : key;
}
