package telegate.telegram.emulator;

import jakarta.json.JsonObject;

/** The states of TDLib's login, in the order a client passes them. */
enum AuthorizationState {
    WAIT_TDLIB_PARAMETERS("authorizationStateWaitTdlibParameters"),
    WAIT_PHONE_NUMBER("authorizationStateWaitPhoneNumber"),
    WAIT_CODE("authorizationStateWaitCode"),
    WAIT_PASSWORD("authorizationStateWaitPassword"),
    WAIT_OTHER_DEVICE_CONFIRMATION("authorizationStateWaitOtherDeviceConfirmation"),
    READY("authorizationStateReady"),
    LOGGING_OUT("authorizationStateLoggingOut"),
    CLOSING("authorizationStateClosing"),
    CLOSED("authorizationStateClosed");

    /** How long the emulated login code stays valid, in seconds. */
    private static final int CODE_TIMEOUT = 120;
    private static final int CODE_LENGTH = 5;

    private final String type;

    AuthorizationState(String type) {
        this.type = type;
    }

    /** The {@code AuthorizationState} object; {@code phoneNumber} is shown while waiting for the code. */
    JsonObject toJson(String phoneNumber) {
        return toJson(phoneNumber, null);
    }

    /** As {@link #toJson(String)}; {@code link} is the QR code's while waiting for its scan. */
    JsonObject toJson(String phoneNumber, String link) {
        var state = TdObjects.object(type);
        if (this == WAIT_OTHER_DEVICE_CONFIRMATION) {
            state.add("link", link == null ? "" : link);
        }
        if (this == WAIT_CODE) {
            state.add("code_info", TdObjects.object("authenticationCodeInfo")
                    .add("phone_number", phoneNumber == null ? "" : phoneNumber)
                    .add("type", TdObjects.object("authenticationCodeTypeTelegramMessage").add("length", CODE_LENGTH))
                    .add("next_type", TdObjects.object("authenticationCodeTypeSms").add("length", CODE_LENGTH))
                    .add("timeout", CODE_TIMEOUT));
        } else if (this == WAIT_PASSWORD) {
            state.add("password_hint", "")
                    .add("has_recovery_email_address", false)
                    .add("has_passport_data", false)
                    .add("recovery_email_address_pattern", "");
        }
        return state.build();
    }

    JsonObject toUpdate(String phoneNumber) {
        return toUpdate(phoneNumber, null);
    }

    JsonObject toUpdate(String phoneNumber, String link) {
        return TdObjects.object("updateAuthorizationState").add("authorization_state", toJson(phoneNumber, link))
                .build();
    }
}
