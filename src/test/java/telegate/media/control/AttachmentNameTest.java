package telegate.media.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentNameTest {

    @Test
    void aPlainNameIsKept() {
        assertThat(AttachmentName.header("report-42.pdf", "document", "application/pdf", -100, 42))
                .isEqualTo("attachment; filename=\"report-42.pdf\"; filename*=UTF-8''report-42.pdf");
    }

    @Test
    void withoutANameOneIsMadeFromKindChatAndNumber() {
        assertThat(AttachmentName.header(null, "photo", "image/jpeg", -1001000000001L, 7))
                .isEqualTo("attachment; filename=\"photo--1001000000001-7.jpg\"; "
                        + "filename*=UTF-8''photo--1001000000001-7.jpg");
        assertThat(AttachmentName.header("  ", "voice", "audio/ogg", 5, 9)).contains("filename=\"voice-5-9.ogg\"");
        assertThat(AttachmentName.header(null, "document", "application/x-unknown", 5, 9))
                .contains("filename=\"document-5-9\"");
    }

    @Test
    void nonAsciiIsEncodedAndReplacedInThePlainName() {
        assertThat(AttachmentName.header("Привет мир.txt", "document", "text/plain", 1, 2))
                .isEqualTo("attachment; filename=\"______ ___.txt\"; "
                        + "filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%20%D0%BC%D0%B8%D1%80.txt");
    }

    @Test
    void nothingBreaksOutOfTheQuotesOrNamesAFolder() {
        String header = AttachmentName.header("../../etc/\"passwd\"\r\nX-Evil: 1;.pdf", "document",
                "application/pdf", 1, 2);

        assertThat(header).doesNotContain("\r").doesNotContain("\n").doesNotContain("/etc")
                .startsWith("attachment; filename=\".._.._etc__passwd___X-Evil: 1;.pdf\"; filename*=UTF-8''");
        String extended = header.substring(header.indexOf("filename*=UTF-8''") + 17);
        assertThat(extended).matches("[A-Za-z0-9%._~!#$&+^`|-]+");
    }

    @Test
    void dotsAloneAreNoName() {
        assertThat(AttachmentName.header("..", "document", "application/pdf", 1, 2))
                .isEqualTo("attachment; filename=\"file\"; filename*=UTF-8''file");
    }

    @Test
    void veryLongNamesAreCut() {
        String header = AttachmentName.header("a".repeat(5000) + ".pdf", "document", "application/pdf", 1, 2);

        assertThat(header.length()).isLessThan(500);
    }
}
