/**
 * Cluster mode (TELEGATE_CLUSTER=true): several instances on one PostgreSQL database and one
 * Payara Micro (Hazelcast) cluster. Each Telegram account runs on exactly one instance, the
 * holder of its lease ({@link telegate.cluster.control.Leases}); a connection that lands
 * elsewhere is relayed to it; an instance that dies or is cut off loses its leases when they
 * expire, and the others take its watched accounts over with their saved TDLib sessions.
 */
package telegate.cluster;
