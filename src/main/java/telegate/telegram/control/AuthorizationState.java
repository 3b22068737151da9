package telegate.telegram.control;

/** TDLib's authorization states, by their {@code @type}. */
public enum AuthorizationState {
    WAIT_TDLIB_PARAMETERS("authorizationStateWaitTdlibParameters"),
    WAIT_PHONE_NUMBER("authorizationStateWaitPhoneNumber"),
    WAIT_CODE("authorizationStateWaitCode"),
    WAIT_PASSWORD("authorizationStateWaitPassword"),
    /** QR-code login: an app already logged in is to scan the link (PROTOCOL.md 2.12). */
    WAIT_OTHER_DEVICE_CONFIRMATION("authorizationStateWaitOtherDeviceConfirmation"),
    WAIT_OTHER("authorizationStateWaitOther"),
    READY("authorizationStateReady"),
    LOGGING_OUT("authorizationStateLoggingOut"),
    CLOSING("authorizationStateClosing"),
    CLOSED("authorizationStateClosed");

    private final String type;

    AuthorizationState(String type) {
        this.type = type;
    }

    public static AuthorizationState of(String type) {
        for (AuthorizationState state : values()) {
            if (state.type.equals(type)) {
                return state;
            }
        }
        // Registration, email, premium purchase: states Telegate cannot complete.
        return WAIT_OTHER;
    }

    public boolean isGone() {
        return this == LOGGING_OUT || this == CLOSING || this == CLOSED;
    }
}
