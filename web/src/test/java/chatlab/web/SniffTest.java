package chatlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.testing.Bytes;
import org.junit.jupiter.api.Test;

class SniffTest {
    @Test
    void mediaIsKnownByItsFirstBytes() {
        assertThat(Sniff.of(TestImages.png(2, 2))).isEqualTo(new Sniff.Type("image/png", "image"));
        assertThat(Sniff.of(Bytes.of(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(new Sniff.Type("image/jpeg", "image"));
        assertThat(Sniff.of(Bytes.ascii("GIF89a...."))).isEqualTo(new Sniff.Type("image/gif", "image"));
        assertThat(Sniff.of(Bytes.ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(new Sniff.Type("image/webp", "image"));
        assertThat(Sniff.of(Bytes.ascii("RIFF\0\0\0\0WAVEfmt "))).isEqualTo(new Sniff.Type("audio/wav", "audio"));
        assertThat(Sniff.of(Bytes.ascii("OggS\0\2"))).isEqualTo(new Sniff.Type("audio/ogg", "audio"));
        assertThat(Sniff.of(Bytes.ascii("ID3\3\0"))).isEqualTo(new Sniff.Type("audio/mpeg", "audio"));
        assertThat(Sniff.of(Bytes.of(0xFF, 0xF2, 0x90, 0x64))).isEqualTo(new Sniff.Type("audio/mpeg", "audio"));
        assertThat(Sniff.of(Bytes.ascii("\0\0\0\u0018ftypisom"))).isEqualTo(new Sniff.Type("video/mp4", "video"));
        assertThat(Sniff.of(Bytes.ascii("\0\0\0\u0018ftypM4A "))).isEqualTo(new Sniff.Type("audio/mp4", "audio"));
        assertThat(Sniff.of(Bytes.of(0x1A, 0x45, 0xDF, 0xA3, 0x01))).isEqualTo(new Sniff.Type("video/webm", "video"));
    }

    @Test
    void anythingElseIsOnlyDownloadedWhateverItsName() {
        assertThat(Sniff.of(Bytes.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"))).isEqualTo(Sniff.UNKNOWN);
        assertThat(Sniff.of(Bytes.ascii("<!doctype html><script>alert(1)</script>"))).isEqualTo(Sniff.UNKNOWN);
        assertThat(Sniff.of(Bytes.ascii("%PDF-1.7"))).isEqualTo(Sniff.UNKNOWN);
        assertThat(Sniff.of(new byte[0])).isEqualTo(Sniff.UNKNOWN);
        assertThat(Sniff.of(Bytes.of(0x89, 'P', 'N'))).isEqualTo(Sniff.UNKNOWN); // cut short
        assertThat(Sniff.UNKNOWN.inline()).isFalse();
    }

    @Test
    void uploadedNamesAreMadeSafe() {
        assertThat(SignedIn.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SignedIn.safeName("C:\\Users\\me\\photo 1.png")).isEqualTo("photo_1.png");
        assertThat(SignedIn.safeName(".hidden")).isEqualTo("hidden");
        assertThat(SignedIn.safeName("")).isEqualTo("file");
        assertThat(SignedIn.safeName(null)).isEqualTo("file");
        assertThat(SignedIn.safeName("a\u0000b<script>.png")).isEqualTo("a_b_script_.png");
    }
}
