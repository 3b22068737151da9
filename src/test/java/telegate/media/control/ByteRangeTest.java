package telegate.media.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void noHeaderIsTheWholeFile() {
        assertThat(ByteRange.of(null, 1000)).contains(new ByteRange(0, 999, false));
    }

    @Test
    void aClosedRangeIsPartial() {
        ByteRange range = ByteRange.of("bytes=100-199", 1000).orElseThrow();

        assertThat(range).isEqualTo(new ByteRange(100, 199, true));
        assertThat(range.length()).isEqualTo(100);
        assertThat(range.contentRange(1000)).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertThat(ByteRange.of("bytes=900-", 1000)).contains(new ByteRange(900, 999, true));
    }

    @Test
    void aSuffixIsTheLastBytes() {
        assertThat(ByteRange.of("bytes=-10", 1000)).contains(new ByteRange(990, 999, true));
        assertThat(ByteRange.of("bytes=-5000", 1000)).contains(new ByteRange(0, 999, true));
    }

    @Test
    void anEndPastTheFileIsCut() {
        assertThat(ByteRange.of("bytes=500-99999", 1000)).contains(new ByteRange(500, 999, true));
    }

    @Test
    void aStartPastTheEndCannotBeSatisfied() {
        assertThat(ByteRange.of("bytes=1000-", 1000)).isEmpty();
        assertThat(ByteRange.of("bytes=-0", 1000)).isEmpty();
    }

    @Test
    void whatTheServerMayIgnoreIsTheWholeFile() {
        for (String header : new String[] {"bytes=0-1,5-9", "items=0-5", "bytes=9-1", "bytes=-", "nonsense",
                "bytes=99999999999999999999-", ""}) {
            assertThat(ByteRange.of(header, 1000)).as(header).contains(ByteRange.whole(1000));
        }
    }
}
