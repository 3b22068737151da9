/**
 * Members and messages streams: what to send for {@code users} and {@code chats},
 * and the {@code latest} cursors that remember, per client and chat, what was
 * delivered (advanced on send completion, checkpointed every second).
 */
package telegate.harvest;
