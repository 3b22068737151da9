package telegate.telegram.emulator;

import java.io.InputStream;
import java.util.Optional;

/**
 * The generated files of the data set for tests outside the emulator: what a
 * download of a message's file must give, byte for byte, without an emulator.
 * A message's file is its media's, and for a photo its largest size (TDLib's
 * last {@code photoSize}), as the server's downloads take it. The files are
 * those the data set generates for each message number, including messages
 * added later (ticks, the admin API); an edited message has none any more, which
 * only a running emulator knows.
 */
public final class EmulatedFiles {

    private EmulatedFiles() {
    }

    /** The data set with every extra channel there can be, built on first use. */
    private static final class AllChats {
        static final DataSet DATA_SET = new DataSet(DataSet.MAX_EXTRA_CHANNELS);
    }

    /**
     * The file of message {@code number} in the chat with TDLib's id {@code chatId}
     * (the largest size of a photo); empty when the chat is unknown or the message
     * carries no file.
     */
    public static Optional<EmulatedFile> ofMessage(long chatId, int number) {
        return AllChats.DATA_SET.byChatId(chatId).flatMap(chat -> mainFile(chat, number));
    }

    /** As {@link #ofMessage(long, int)}, the chat named by its public username ({@code testgroup00001}, ...). */
    public static Optional<EmulatedFile> ofMessage(String username, int number) {
        return AllChats.DATA_SET.byUsername(username).flatMap(chat -> mainFile(chat, number));
    }

    /** The file with TDLib's {@code file.id}, as the emulator numbers them; empty when no file has it. */
    public static Optional<EmulatedFile> ofId(int fileId) {
        return FileIds.decode(fileId).flatMap(key -> AllChats.DATA_SET.byOrdinal(key.ordinal())
                .flatMap(chat -> EmulatedFile.generated(chat, key.number(), key.slot())));
    }

    /**
     * The bytes a download of the file of message {@code number} gives, from the
     * start, generated as they are read.
     *
     * @throws IllegalArgumentException when the chat is unknown or the message carries no file
     */
    public static InputStream bytes(long chatId, int number) {
        return ofMessage(chatId, number).orElseThrow(() -> new IllegalArgumentException(
                "message " + number + " of chat " + chatId + " has no file")).open();
    }

    private static Optional<EmulatedFile> mainFile(EmulatedChat chat, int number) {
        if (number < 1) {
            return Optional.empty();
        }
        Optional<EmulatedFile> largestPhoto = EmulatedFile.generated(chat, number, EmulatedFile.PHOTO_TYPES.length - 1);
        return largestPhoto.isPresent() ? largestPhoto : EmulatedFile.generated(chat, number, 0);
    }
}
