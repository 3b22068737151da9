package telegate.access.boundary;

/** A key was revoked: connections that logged in with it end (PROTOCOL.md 1.1, a revoked key is unauthorized). */
public record KeyRevoked(long keyId) {
}
