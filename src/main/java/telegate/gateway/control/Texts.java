package telegate.gateway.control;

/**
 * Every text of the protocol, in one place to compare with PROTOCOL.md. Part 1
 * texts are the seed's, typos included ({@code alreay}): clients compare them.
 */
public final class Texts {

    // events
    public static final String LOGIN = "login";
    public static final String TELEGRAM_LOGIN = "telegram login";
    public static final String TELEGRAM_LOGOUT = "telegram logout";
    public static final String USERS = "users";
    public static final String CHATS = "chats";
    public static final String CANCEL = "cancel";
    public static final String ERROR = "error";
    public static final String WATCH = "watch";
    public static final String UNWATCH = "unwatch";
    public static final String WATCHES = "watches";
    public static final String LIVE = "live";

    // statuses
    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";

    // 1.1 login
    public static final String ALREADY_VERIFIED = "Already verified. Send data to 'telegram login' or 'users'.";
    public static final String SESSION_ALREADY_EXISTS = "session already exists, call 'users'.";
    public static final String SEND_PHONE_NUMBER = "send phone number";
    public static final String UNAUTHORIZED = "unauthorized";

    // 1.2 telegram login, 2.1 two-step verification
    public static final String VERIFY_API_KEY_FIRST = "verify your api key first";
    public static final String SESSION_ALREAY_EXISTS = "session alreay exists, call 'users'";
    public static final String SEND_CODE = "send code";
    public static final String INVALID_PHONE_NUMBER = "invalid phone number";
    public static final String LOGGED_IN_SUCCESSFULLY = "logged in successfully";
    public static final String INVALID_CODE_PROVIDED = "invalid code provided";
    public static final String SEND_PASSWORD = "send password";
    public static final String INVALID_PASSWORD = "invalid password";

    // 2.12 QR-code login
    public static final String SCAN_QR_CODE = "scan qr code";
    public static final String QR_CODE_EXPIRED = "qr code expired";

    // 1.3 users, 1.4 chats, 2.2 end of a stream
    public static final String IS_A_CHANNEL_NAME = "%s is a channel name";
    public static final String DOES_NOT_EXIST = "%s does not exist";
    public static final String SENDING_USERS = "sending users";
    public static final String SENDING_CHATS = "sending chats";
    public static final String INVALID_REQUEST = "invalid request";
    public static final String COMPLETED = "completed";
    public static final String STATUS_LATEST = "latest";

    // 2.6 bad input, 2.7 faults, 2.8 more events
    public static final String MALFORMED_REQUEST = "malformed request";
    public static final String UNKNOWN_EVENT = "unknown event";
    public static final String TELEGRAM_LOGIN_REQUIRED = "telegram login required";
    public static final String TELEGRAM_UNREACHABLE = "telegram unreachable";
    public static final String WAITING = "waiting";
    public static final String CHAT_FAILED = "%s: %s";
    public static final String CANCELLED = "cancelled";
    public static final String LOGGED_OUT = "logged out";

    // 2.9 watch, unwatch, watches; 2.10 live
    public static final String WATCHING = "watching";
    public static final String UNWATCHED = "unwatched";
    public static final String TOO_MANY_WATCHES = "too many watches";
    public static final String SENDING_LIVE = "sending live";
    public static final String UP_TO_DATE = "up to date";
    public static final String NOTHING_WATCHED = "nothing watched";
    public static final String EVENTS_DROPPED = "%s: events before %s were dropped";
    /** Not in PROTOCOL.md 2.10's text: docs/PROTOCOL.md defines it (a second {@code live} of one client takes over). */
    public static final String LIVE_MOVED = "live moved to another connection";

    // close reasons of the abuse limits (PROTOCOL.md 2.6 and their operators' settings)
    public static final String TOO_MANY_CONNECTIONS = "too many connections";
    public static final String LOGIN_TIMEOUT = "login timeout";
    public static final String CLIENT_NOT_READING = "client not reading";
    public static final String BINARY_NOT_ACCEPTED = "binary frames are not accepted";
    public static final String ORIGIN_NOT_ALLOWED = "origin not allowed";
    public static final String SERVER_BUSY = "server busy";
    public static final String UNMASKED_FRAME = "unmasked frame";

    private Texts() {
    }
}
