package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The generated files: exact sizes, the same bytes every time, photos that decode, signatures, ids that decode. */
class EmulatedFilesTest {

    private final DataSet dataSet = new DataSet();

    @Test
    void everyKindOfFileHasExactlyItsStatedSizeAndTheSameBytesEachTime() throws IOException {
        Set<FileKind> seen = EnumSet.noneOf(FileKind.class);
        EmulatedChat chat = dataSet.named("testgroup00001");
        for (int n = 1; n <= 200; n++) {
            for (int slot = 0; slot < 3; slot++) {
                var found = EmulatedFile.of(chat, n, slot);
                if (found.isEmpty() || found.get().size() > 15_000_000) {
                    continue;
                }
                EmulatedFile file = found.get();
                seen.add(file.kind());
                Digest first = Digest.of(file.open());
                assertThat(first.size()).as("%s", file).isEqualTo(file.size());
                assertThat(Digest.of(file.open())).isEqualTo(first);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(FileKind.values());
    }

    @Test
    void aStreamFromAnOffsetIsTheRestOfTheFile() throws IOException {
        EmulatedFile document = findDocument("text/csv");
        byte[] whole = document.open().readAllBytes();
        for (long offset : new long[] {0, 1, 13, 14, 15, 33, 34, 1000, whole.length - 1, whole.length}) {
            assertThat(document.open(offset).readAllBytes())
                    .isEqualTo(Arrays.copyOfRange(whole, (int) offset, whole.length));
        }
        EmulatedFile photo = EmulatedFile.photo(dataSet.named("bigchannel"), 12, 1);
        byte[] image = photo.open().readAllBytes();
        assertThat(photo.open(5_000).readAllBytes()).isEqualTo(Arrays.copyOfRange(image, 5_000, image.length));
    }

    @Test
    void aLargeFileStreamsWithoutBeingHeld() throws IOException {
        EmulatedFile video = EmulatedFile.video(dataSet.named("bigchannel"), 999_999);
        assertThat(video.size()).isGreaterThan(1_000_000);
        long counted = 0;
        byte[] buffer = new byte[65_536];
        try (InputStream in = video.open()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                counted += read;
            }
        }
        assertThat(counted).isEqualTo(video.size());
    }

    @Test
    void photosDecodeToTheirStatedWidthAndHeight() throws IOException {
        for (String username : new String[] {"testgroup00001", "bigchannel", "floodchannel"}) {
            EmulatedChat chat = dataSet.named(username);
            for (int n : new int[] {10, 11, 12, 30, 31, 60}) {
                for (int slot = 0; slot < 3; slot++) {
                    EmulatedFile photo = EmulatedFile.of(chat, n, slot).orElseThrow();
                    assertDecodes(photo.open().readAllBytes(), photo.width(), photo.height());
                }
            }
        }
    }

    @Test
    void theSmallestStatedSizeOfEachPhotoSizeStillHoldsItsImage() throws IOException {
        for (int slot = 0; slot < 3; slot++) {
            int width = EmulatedFile.PHOTO_DIMENSIONS[slot][0];
            int height = EmulatedFile.PHOTO_DIMENSIONS[slot][1];
            for (long seed = 1; seed <= 5; seed++) {
                EmulatedFile smallest = new EmulatedFile(FileIds.of(1, (int) seed, slot), 1, (int) seed, slot,
                        FileKind.PHOTO, width * height / 8, "image/jpeg", "", width, height, 0);
                byte[] bytes = smallest.open().readAllBytes();
                assertThat(bytes).hasSize(width * height / 8);
                assertDecodes(bytes, width, height);
            }
        }
    }

    @Test
    void aStatedSizeTooSmallForTheDetailedImageGetsAFlatOne() throws IOException {
        EmulatedFile tiny = new EmulatedFile(FileIds.of(1, 1, 2), 1, 1, 2, FileKind.PHOTO, 23_000, "image/jpeg", "",
                1280, 960, 0);
        byte[] detailed = PhotoImage.jpeg(1280, 960, 7, Long.MAX_VALUE);
        assertThat(detailed.length).as("the detailed image").isGreaterThan(23_000);
        assertDecodes(tiny.open().readAllBytes(), 1280, 960);
    }

    @Test
    void otherFilesStartWithTheirTypesSignature() throws IOException {
        assertThat(head(findDocument("application/pdf"), 5)).isEqualTo("%PDF-");
        assertThat(head(findDocument("application/zip"), 4)).isEqualTo("PK\u0003\u0004");
        assertThat(head(findDocument("text/csv"), 14)).isEqualTo("id,name,value\n");
        assertThat(head(findDocument("text/plain"), 14)).isEqualTo("line 00000001 ");
        EmulatedChat chat = dataSet.named("testgroup00001");
        assertThat(head(EmulatedFile.video(chat, 5), 8).substring(4)).isEqualTo("ftyp");
        assertThat(head(EmulatedFile.animation(chat, 5), 8).substring(4)).isEqualTo("ftyp");
        assertThat(head(EmulatedFile.voiceNote(chat, 5), 4)).isEqualTo("OggS");
        assertThat(head(EmulatedFile.audio(chat, 5), 3)).isEqualTo("ID3");
        String webp = head(EmulatedFile.sticker(chat, 5), 12);
        assertThat(webp.substring(0, 4) + webp.substring(8)).isEqualTo("RIFFWEBP");
    }

    @Test
    void textFilesAreTextThroughout() throws IOException {
        for (String type : new String[] {"text/csv", "text/plain"}) {
            byte[] bytes = findDocument(type).open().readAllBytes();
            String text = new String(bytes, StandardCharsets.US_ASCII);
            assertThat(text).matches("[a-z0-9,\\n -]+");
        }
    }

    @Test
    void fileIdsDecodeForEveryChatUpToItsRange() {
        Set<Integer> ids = new HashSet<>();
        int[][] cases = {{1, 1, 0}, {1, 1, 3}, {6, 1_000_000, 2}, {6, (1 << 25) - 1, 3}, {7, 2_000, 0},
            {8, 1, 0}, {8, 24_999, 3}, {9, 1, 0}, {10_007, 1, 0}, {10_007, 24_999, 3}};
        for (int[] c : cases) {
            int id = FileIds.of(c[0], c[1], c[2]);
            assertThat(id).as("id of %s", Arrays.toString(c)).isPositive();
            assertThat(FileIds.decode(id)).contains(new FileIds.Key(c[0], c[1], c[2]));
            assertThat(ids.add(id)).as("unique: %s", Arrays.toString(c)).isTrue();
        }
        assertThat(FileIds.of(6, 1 << 25, 0)).isZero();
        assertThat(FileIds.of(8, 25_000, 0)).isZero();
        assertThat(FileIds.of(10_008, 1, 0)).isZero();
        assertThat(FileIds.decode(0)).isEmpty();
        assertThat(FileIds.decode(-5)).isEmpty();
        assertThat(FileIds.decode(Integer.MAX_VALUE)).isEmpty();
        assertThat(FileIds.decode(3)).isEmpty();
    }

    @Test
    void theFacadeFindsAMessagesFileByChatIdAndByItsFileId() throws IOException {
        EmulatedChat chat = dataSet.named("UnderWorld4444");
        EmulatedFile photo = EmulatedFiles.ofMessage(chat.chatId(), 10).orElseThrow();
        assertThat(photo.kind()).isEqualTo(FileKind.PHOTO);
        assertThat(photo.slot()).as("the largest size").isEqualTo(2);
        assertThat(EmulatedFiles.ofId(photo.id())).contains(photo);
        assertThat(EmulatedFiles.bytes(chat.chatId(), 10).readAllBytes()).isEqualTo(photo.open().readAllBytes());
        assertThat(EmulatedFiles.ofMessage("benchchannel10000", 12)).isPresent();
        assertThat(EmulatedFiles.ofMessage(chat.chatId(), 0)).isEmpty();
        assertThat(EmulatedFiles.ofMessage(-1L, 10)).isEmpty();
    }

    /** A stream's length and SHA-256, read in pieces. */
    record Digest(long size, String sha256) {
        static Digest of(InputStream in) throws IOException {
            try (in) {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[65_536];
                long size = 0;
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    sha.update(buffer, 0, read);
                    size += read;
                }
                return new Digest(size, java.util.HexFormat.of().formatHex(sha.digest()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void everyFileTheHistoryDescribesIsTheOneItsIdDecodesTo() {
        DataSet withExtras = new DataSet(DataSet.MAX_EXTRA_CHANNELS);
        java.util.regex.Pattern file = java.util.regex.Pattern.compile("\\{\"@type\":\"file\",\"id\":(\\d+),\"size\":(\\d+)");
        int files = 0;
        for (String username : new String[] {"UnderWorld4444", "testgroup00002", "benchchannel10000"}) {
            EmulatedChat chat = withExtras.named(username);
            for (int n = 1; n <= chat.messageCount(); n++) {
                StringBuilder text = new StringBuilder();
                new MessageFactory(withExtras).message(new JsonText(text), chat, n, EmulatedChat.EPOCH, new java.util.ArrayList<>());
                java.util.regex.Matcher found = file.matcher(text);
                while (found.find()) {
                    EmulatedFile decoded = EmulatedFiles.ofId(Integer.parseInt(found.group(1))).orElseThrow();
                    assertThat(decoded.ordinal()).isEqualTo(chat.ordinal());
                    assertThat(decoded.number()).isEqualTo(n);
                    assertThat(decoded.size()).isEqualTo(Long.parseLong(found.group(2)));
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThan(500);
    }

    private EmulatedFile findDocument(String mimeType) {
        EmulatedChat chat = dataSet.named("biggroup");
        for (int n = 1; n <= chat.messageCount(); n++) {
            var file = EmulatedFile.of(chat, n, 0);
            if (file.isPresent() && file.get().mimeType().equals(mimeType)) {
                return file.get();
            }
        }
        throw new AssertionError("no " + mimeType + " in biggroup");
    }

    private static String head(EmulatedFile file, int length) throws IOException {
        try (InputStream in = file.open()) {
            return new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertDecodes(byte[] bytes, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodable").isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }
}
