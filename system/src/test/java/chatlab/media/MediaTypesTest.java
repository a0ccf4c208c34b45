package chatlab.media;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.testing.Bytes;
import org.junit.jupiter.api.Test;

class MediaTypesTest {
    @Test
    void imagesSoundsAndVideosAreKnownByTheirFirstBytes() {
        assertThat(MediaTypes.sniff(Bytes.of(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).hasValue("image/png");
        assertThat(MediaTypes.sniff(Bytes.of(0xFF, 0xD8, 0xFF, 0xE0))).hasValue("image/jpeg");
        assertThat(MediaTypes.sniff(Bytes.ascii("GIF87a...."))).hasValue("image/gif");
        assertThat(MediaTypes.sniff(Bytes.ascii("GIF89a...."))).hasValue("image/gif");
        assertThat(MediaTypes.sniff(Bytes.ascii("RIFF\0\0\0\0WEBPVP8 "))).hasValue("image/webp");
        assertThat(MediaTypes.sniff(Bytes.ascii("RIFF\0\0\0\0WAVEfmt "))).hasValue("audio/wav");
        assertThat(MediaTypes.sniff(Bytes.ascii("OggS\0\2"))).hasValue("audio/ogg");
        assertThat(MediaTypes.sniff(Bytes.ascii("fLaC\0\0\0\""))).hasValue("audio/flac");
        assertThat(MediaTypes.sniff(Bytes.ascii("ID3\3\0"))).hasValue("audio/mpeg");
        assertThat(MediaTypes.sniff(Bytes.ascii("\0\0\0\u0018ftypisom"))).hasValue("video/mp4");
        assertThat(MediaTypes.sniff(Bytes.ascii("\0\0\0\u0018ftypM4A "))).hasValue("audio/mp4");
        assertThat(MediaTypes.sniff(Bytes.of(0x1A, 0x45, 0xDF, 0xA3, 0x01))).hasValue("video/webm");
        assertThat(MediaTypes.sniff(Bytes.ascii("%PDF-1.7"))).hasValue("application/pdf");
    }

    @Test
    void anMp3WithoutATagIsKnownByItsFrameHeaderOfAnyMpegVersion() {
        // MPEG-1, MPEG-2 and MPEG-2.5 layer III, each without and with a CRC
        for (int second : new int[] {0xFB, 0xFA, 0xF3, 0xF2, 0xE3, 0xE2}) {
            assertThat(MediaTypes.sniff(Bytes.of(0xFF, second, 0x90, 0x64))).as("FF %02X", second).hasValue("audio/mpeg");
        }
        // layer I and II frames, and the reserved version, are not taken for MP3
        assertThat(MediaTypes.sniff(Bytes.of(0xFF, 0xFF, 0x90, 0x64))).isEmpty();
        assertThat(MediaTypes.sniff(Bytes.of(0xFF, 0xFD, 0x90, 0x64))).isEmpty();
        assertThat(MediaTypes.sniff(Bytes.of(0xFF, 0xEB, 0x90, 0x64))).isEmpty();
    }

    @Test
    void textMarkupAndShortInputAreNotMedia() {
        assertThat(MediaTypes.sniff(Bytes.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"))).isEmpty();
        assertThat(MediaTypes.sniff(Bytes.ascii("<!doctype html><script>alert(1)</script>"))).isEmpty();
        assertThat(MediaTypes.sniff(new byte[0])).isEmpty();
        assertThat(MediaTypes.sniff(Bytes.of(0x89, 'P', 'N'))).isEmpty();
        assertThat(MediaTypes.sniff(Bytes.of(0xFF))).isEmpty();
    }

    @Test
    void onlyImagesAreImages() {
        assertThat(MediaTypes.isImage("image/png")).isTrue();
        assertThat(MediaTypes.isImage("audio/mpeg")).isFalse();
        assertThat(MediaTypes.isImage(null)).isFalse();
    }
}
