/**
 * Who may use Telegate: clients, their API keys (stored only as SHA-256 hashes),
 * the first key made at start-up, and the admin API that creates and revokes keys.
 */
package telegate.access;
