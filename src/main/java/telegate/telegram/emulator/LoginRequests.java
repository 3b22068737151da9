package telegate.telegram.emulator;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import telegate.platform.control.PrivateFiles;

/**
 * The login requests: TDLib's authorization state machine, with the accounts of
 * the data set (any well-formed number logs in with code 12345; +15550000002
 * then needs the password "secret"; numbers starting with 999 are rejected).
 * Each request is answered {@code ok} first, then the new state follows as an update.
 */
final class LoginRequests {

    static final String CODE = "12345";
    static final String PASSWORD = "secret";

    private final FileRequests files;

    LoginRequests(FileRequests files) {
        this.files = files;
    }

    private static final Set<AuthorizationState> MAY_ENTER_PHONE = EnumSet.of(
            AuthorizationState.WAIT_PHONE_NUMBER, AuthorizationState.WAIT_CODE, AuthorizationState.WAIT_PASSWORD);

    void register(RequestRouter router) {
        router.on("setTdlibParameters", RequestRouter.Access.ANY_STATE, this::setTdlibParameters)
                .on("setAuthenticationPhoneNumber", RequestRouter.Access.ANY_STATE, this::setPhoneNumber)
                .on("checkAuthenticationCode", RequestRouter.Access.ANY_STATE, this::checkCode)
                .on("checkAuthenticationPassword", RequestRouter.Access.ANY_STATE, this::checkPassword)
                .on("getAuthorizationState", RequestRouter.Access.ANY_STATE,
                        (request, session, out) -> session.state().toJson(session.phoneText(), session.qrLink()))
                .on("logOut", RequestRouter.Access.ANY_STATE, this::logOut)
                .on("destroy", RequestRouter.Access.ANY_STATE, this::logOut)
                .on("close", RequestRouter.Access.ANY_STATE, this::close);
    }

    private JsonObject setTdlibParameters(JsonObject request, EmulatedSession session, Outbox out) {
        expectState(session, "setTdlibParameters", AuthorizationState.WAIT_TDLIB_PARAMETERS);
        String directory = TdObjects.string(request, "database_directory", "");
        if (directory.isBlank()) {
            throw TdError.badRequest("Parameter database_directory must be non-empty");
        }
        Path path;
        try {
            path = Path.of(directory);
            PrivateFiles.createDirectories(path);
        } catch (InvalidPathException | IOException e) {
            throw TdError.badRequest("Can't open database directory \"" + directory + "\"");
        }
        String filesDirectory = TdObjects.string(request, "files_directory", "");
        try {
            // as TDLib: no files_directory means the database directory
            session.localFiles(files.open(path, filesDirectory.isBlank() ? path : Path.of(filesDirectory)));
        } catch (InvalidPathException | IOException e) {
            throw TdError.badRequest("Can't init files directory \"" + filesDirectory + "\"");
        }
        SessionFile file = new SessionFile(path);
        session.sessionFile(file);
        file.loggedIn().ifPresent(session::phone);
        return answerThenMove(session, out,
                session.phone() != null ? AuthorizationState.READY : AuthorizationState.WAIT_PHONE_NUMBER);
    }

    private JsonObject setPhoneNumber(JsonObject request, EmulatedSession session, Outbox out) {
        if (!MAY_ENTER_PHONE.contains(session.state())) {
            throw unexpected("setAuthenticationPhoneNumber");
        }
        PhoneNumber phone = PhoneNumber.parse(TdObjects.string(request, "phone_number", ""))
                .orElseThrow(() -> TdError.badRequest("PHONE_NUMBER_INVALID"));
        session.phone(phone);
        return answerThenMove(session, out, AuthorizationState.WAIT_CODE);
    }

    private JsonObject checkCode(JsonObject request, EmulatedSession session, Outbox out) {
        expectState(session, "checkAuthenticationCode", AuthorizationState.WAIT_CODE);
        if (!CODE.equals(TdObjects.string(request, "code", "").trim())) {
            throw TdError.badRequest("PHONE_CODE_INVALID");
        }
        if (session.phone().hasPassword()) {
            return answerThenMove(session, out, AuthorizationState.WAIT_PASSWORD);
        }
        return logIn(session, out);
    }

    private JsonObject checkPassword(JsonObject request, EmulatedSession session, Outbox out) {
        expectState(session, "checkAuthenticationPassword", AuthorizationState.WAIT_PASSWORD);
        if (!PASSWORD.equals(TdObjects.string(request, "password", ""))) {
            throw TdError.badRequest("PASSWORD_HASH_INVALID");
        }
        return logIn(session, out);
    }

    static JsonObject logIn(EmulatedSession session, Outbox out) {
        session.sessionFile().save(session.phone());
        return answerThenMove(session, out, AuthorizationState.READY);
    }

    /**
     * logOut (and destroy) forget the session: the next client with this directory
     * starts from the phone number; as in TDLib, the downloaded files go too.
     */
    private JsonObject logOut(JsonObject request, EmulatedSession session, Outbox out) {
        stopDownloads(session);
        if (session.localFiles() != null) {
            try {
                session.localFiles().deleteAll();
            } catch (IOException e) {
                throw new TdError(500, "Can't delete the files: " + e.getMessage());
            }
        }
        if (session.sessionFile() != null) {
            session.sessionFile().delete();
        }
        session.phone(null);
        return answerThenMove(session, out,
                AuthorizationState.LOGGING_OUT, AuthorizationState.CLOSING, AuthorizationState.CLOSED);
    }

    private JsonObject close(JsonObject request, EmulatedSession session, Outbox out) {
        stopDownloads(session);
        return answerThenMove(session, out, AuthorizationState.CLOSING, AuthorizationState.CLOSED);
    }

    private static void stopDownloads(EmulatedSession session) {
        if (session.localFiles() != null) {
            FileRequests.stopAll(session.localFiles());
        }
    }

    /** Moves through the states: the answer is ok, then an update follows for each state passed. */
    static JsonObject answerThenMove(EmulatedSession session, Outbox out, AuthorizationState... states) {
        for (AuthorizationState state : states) {
            session.moveTo(state);
            out.updateAfterAnswer(state.toUpdate(session.phoneText(), session.qrLink()));
        }
        return TdObjects.ok();
    }

    private static void expectState(EmulatedSession session, String request, AuthorizationState expected) {
        if (session.state() != expected) {
            throw unexpected(request);
        }
    }

    static TdError unexpected(String request) {
        return TdError.badRequest("Call to " + request + " unexpected");
    }
}
