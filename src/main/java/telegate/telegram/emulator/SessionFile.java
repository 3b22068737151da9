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

/**
 * The logged-in account kept in the client's database directory, as TDLib keeps
 * its session there: a server restarted with the same directory finds the
 * account still logged in.
 */
final class SessionFile {

    static final String NAME = "emulated-session.properties";
    private static final String PHONE = "phone_number";

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
        return PhoneNumber.parse(properties.getProperty(PHONE, ""));
    }

    void save(PhoneNumber phone) {
        Properties properties = new Properties();
        properties.setProperty(PHONE, phone.international());
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
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
