package io.minidrama.domain.media;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("R-8: pull-upload media_url and cover_url are absolute http(s) URLs")
class PullUploadTest {
    private static final MediaName NAME = MediaName.of("我的短剧", 1);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://cdn.example.com/ep1.mp4", "http://10.0.0.1:8080/v/ep1.m3u8", "HTTPS://CDN.EXAMPLE.COM/a.mp4"})
    void build_whenAbsoluteHttpUrl_acceptsR8(String url) {
        PullUpload p = PullUpload.builder().name(NAME).mediaUrl(url).coverUrl("https://cdn.example.com/c.jpg").build();

        assertEquals(URI.create(url), p.mediaUrl());
        assertEquals(URI.create("https://cdn.example.com/c.jpg"), p.coverUrl().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://cdn.example.com/ep1.mp4", "/videos/ep1.mp4", "cdn.example.com/ep1.mp4", "file:///tmp/ep1.mp4", "http:///ep1.mp4"})
    void build_whenMediaUrlNotAbsoluteHttp_rejectsWithR8(String url) {
        assertRejected(Rule.R8, "media_url", "absolute http(s) URL", () -> PullUpload.builder().name(NAME).mediaUrl(url).build());
    }

    @Test
    void build_whenCoverUrlNotHttp_rejectsWithR8() {
        assertRejected(Rule.R8, "cover_url", "absolute http(s) URL",
                () -> PullUpload.builder().name(NAME).mediaUrl("https://a.example.com/1.mp4").coverUrl("s3://bucket/c.jpg").build());
    }

    @Test
    void mediaUrl_whenUnparseable_rejectsWithR8() {
        assertRejected(Rule.R8, "media_url", "not a valid URL", () -> PullUpload.builder().mediaUrl("http://exa mple.com/1.mp4"));
    }

    @Test
    void build_whenMediaUrlMissing_rejectsWithR8() {
        assertRejected(Rule.R8, "media_url", "required", () -> PullUpload.builder().name(NAME).build());
    }
}
