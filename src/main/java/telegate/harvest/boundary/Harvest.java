package telegate.harvest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import telegate.harvest.control.ChatRequest;
import telegate.harvest.control.ChatRequest.Mode;
import telegate.harvest.control.LiveCursor;
import telegate.harvest.control.NamedStart;
import telegate.harvest.control.Resolution;
import telegate.harvest.control.StreamKind;
import telegate.harvest.control.StreamOutput;
import telegate.harvest.control.StreamResult;
import telegate.harvest.entity.CursorKind;
import telegate.telegram.control.Cancelled;
import telegate.telegram.control.ChatResolver;
import telegate.telegram.control.FloodControl;
import telegate.telegram.control.HistoryReader;
import telegate.telegram.control.MemberLister;
import telegate.telegram.control.TdClient;
import telegate.telegram.control.TdError;
import telegate.telegram.control.TelegramUnreachable;
import telegate.telegram.entity.TelegramChat;

/**
 * The {@code users} and {@code chats} streams: their names resolved, then chat after
 * chat, every item to the output, each counted for {@code latest} once its frame is
 * delivered.
 */
@ApplicationScoped
public class Harvest {

    /** Waits up to this long are taken silently; longer ones are announced. */
    static final int ANNOUNCED_WAIT_SECONDS = 2;

    @Inject
    Cursors cursors;

    /**
     * Resolves a stream request's names (PROTOCOL.md 2.4) in order; a name written
     * twice is streamed once (the frames and the counts of {@code completed} are by
     * name; two names of one chat are two streams). Stops at the first name that
     * cannot be streamed. Flood waits are waited out, announced on {@code out}.
     */
    public Resolution resolve(StreamKind kind, TdClient client, List<NamedStart> names, StreamOutput out) {
        ChatResolver resolver = new ChatResolver(client, announce(out), out::isCancelled);
        List<ChatRequest> chats = new ArrayList<>();
        for (NamedStart entry : names) {
            Optional<TelegramChat> chat;
            try {
                chat = resolver.resolve(entry.name());
            } catch (TelegramUnreachable e) {
                return Resolution.refused(Resolution.Refusal.UNREACHABLE, entry.name());
            } catch (Cancelled e) {
                return Resolution.refused(Resolution.Refusal.CANCELLED, entry.name());
            } catch (TdError e) {
                chat = Optional.empty();
            }
            Resolution.Refusal refusal = chat.isEmpty() ? Resolution.Refusal.NOT_FOUND : kind.refusal(chat.get());
            if (refusal != null) {
                return Resolution.refused(refusal, entry.name());
            }
            if (chats.stream().noneMatch(known -> known.name().equals(entry.name()))) {
                chats.add(new ChatRequest(entry.name(), chat.get(), entry.start()));
            }
        }
        return Resolution.of(chats);
    }

    /** The stream of {@code kind} for chats resolved by {@link #resolve}. */
    public StreamResult stream(StreamKind kind, long owner, TdClient client, List<ChatRequest> chats,
            StreamOutput out) {
        return kind == StreamKind.MEMBERS ? members(owner, client, chats, out) : messages(owner, client, chats, out);
    }

    public StreamResult members(long owner, TdClient client, List<ChatRequest> chats, StreamOutput out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> partial = new ArrayList<>();
        MemberLister lister = new MemberLister(client, announce(out), out::isCancelled);
        for (ChatRequest request : chats) {
            AtomicLong sent = new AtomicLong();
            counts.put(request.name(), 0L);
            LiveCursor cursor = cursors.acquire(owner, request.chat().id(), CursorKind.MEMBERS);
            try {
                boolean onlyNew = request.start().mode() == Mode.LATEST;
                MemberLister.Listing listing = lister.list(request.chat(), member -> {
                    long id = Long.parseLong(member.id());
                    if (!onlyNew || !cursor.isDelivered(id)) {
                        out.member(request.name(), member, () -> cursor.memberDelivered(id));
                        sent.incrementAndGet();
                    }
                });
                if (listing.partial()) {
                    partial.add(request.name());
                }
            } catch (Cancelled e) {
                return new StreamResult(counts, partial, false);
            } catch (TdError | TelegramUnreachable e) {
                out.chatFailed(request.name(), reason(e));
            } finally {
                counts.put(request.name(), sent.get());
                out.awaitDelivered();
                cursors.release(owner, request.chat().id(), CursorKind.MEMBERS, cursor);
            }
        }
        return new StreamResult(counts, partial, !out.isCancelled());
    }

    public StreamResult messages(long owner, TdClient client, List<ChatRequest> chats, StreamOutput out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        HistoryReader reader = new HistoryReader(client, announce(out), out::isCancelled);
        for (ChatRequest request : chats) {
            AtomicLong sent = new AtomicLong();
            counts.put(request.name(), 0L);
            LiveCursor cursor = cursors.acquire(owner, request.chat().id(), CursorKind.MESSAGES);
            try {
                long after = switch (request.start().mode()) {
                    case ALL -> 0;
                    case LATEST -> cursor.lastMessage();
                    case AFTER -> request.start().after();
                };
                reader.readAfter(request.chat(), after, message -> {
                    long number = message.number();
                    out.message(request.name(), message, () -> cursor.messageDelivered(number));
                    sent.incrementAndGet();
                });
            } catch (Cancelled e) {
                return new StreamResult(counts, List.of(), false);
            } catch (TdError | TelegramUnreachable e) {
                out.chatFailed(request.name(), reason(e));
            } finally {
                counts.put(request.name(), sent.get());
                out.awaitDelivered();
                cursors.release(owner, request.chat().id(), CursorKind.MESSAGES, cursor);
            }
        }
        return new StreamResult(counts, List.of(), !out.isCancelled());
    }

    /** Tells a stream's client of flood waits long enough to notice (PROTOCOL.md 2.7). */
    public static FloodControl.Listener announce(StreamOutput out) {
        return seconds -> {
            if (seconds > ANNOUNCED_WAIT_SECONDS) {
                out.waiting(seconds);
            }
        };
    }

    /** A short reason for a chat that failed, without anything internal. */
    static String reason(Exception e) {
        if (e instanceof TelegramUnreachable) {
            return "telegram unreachable";
        }
        TdError error = (TdError) e;
        String message = error.tdMessage().isBlank() ? "telegram error " + error.code() : error.tdMessage();
        return message.length() > 100 ? message.substring(0, 100) : message;
    }
}
