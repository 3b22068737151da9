/**
 * The WebSocket protocol of PROTOCOL.md: the endpoint at {@code /ws/telegram/},
 * its frames, decoders and encoders, the per-connection state (login, the request
 * queue, the running stream) and the bounded asynchronous sending of streams.
 */
package telegate.gateway;
