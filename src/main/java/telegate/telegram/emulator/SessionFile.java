package telegate.telegram.emulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import telegate.platform.control.PrivateFiles;
import telegate.telegram.entity.TelegramAccount;

/**
 * The logged-in account kept in the client's database directory, as TDLib keeps
 * its session there: a server restarted with the same directory finds the
 * account still logged in. Its phone number is kept masked (SECURITY.md: phones
 * are stored only masked), so a restored account knows its number only so far.
 */
final class SessionFile {

    static final String NAME = "emulated-session.properties";
    private static final String PHONE = "phone_number_masked";

    private final Path file;

    SessionFile(Path databaseDirectory) {
        this.file = databaseDirectory.resolve(NAME);
    }

    /** The phone number of the account logged in with this directory, if any. */
    Optional<PhoneNumber> loggedIn() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // an unreadable session is no session, as a broken database is for TDLib
        }
        String masked = properties.getProperty(PHONE, "");
        return masked.startsWith("+") && masked.length() > 1 ? Optional.of(new PhoneNumber(masked.substring(1)))
                : Optional.empty();
    }

    void save(PhoneNumber phone) {
        Properties properties = new Properties();
        properties.setProperty(PHONE, TelegramAccount.mask(phone.international()));
        try {
            PrivateFiles.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(PrivateFiles.create(file), StandardCharsets.UTF_8)) {
                properties.store(writer, "Telegate's emulated Telegram: the account logged in with this directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
