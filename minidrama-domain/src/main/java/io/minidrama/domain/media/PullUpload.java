package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code pullupload} request: the platform fetches the video (and cover) from URLs and
 * answers with a task id. The result arrives as an upload event or through {@code gettask}.
 */
public final class PullUpload {
    private final MediaName name;
    private final URI mediaUrl;
    private final URI coverUrl;
    private final String sourceContext;

    private PullUpload(Builder b) {
        Violations v = Violations.start();
        v.require(b.name, "media_name", Rule.R1);
        if (v.require(b.mediaUrl, "media_url", Rule.R8)) {
            checkHttpUrl(v, "media_url", b.mediaUrl);
        }
        if (b.coverUrl != null) {
            checkHttpUrl(v, "cover_url", b.coverUrl);
        }
        SingleFileUpload.checkSourceContext(v, b.sourceContext);
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.name = b.name;
        this.mediaUrl = b.mediaUrl;
        this.coverUrl = b.coverUrl;
        this.sourceContext = b.sourceContext == null ? "" : b.sourceContext;
    }

    private static void checkHttpUrl(Violations v, String field, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        v.check(url.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null,
                field, Rule.R8, url, field + " must be an absolute http(s) URL with a host, such as https://cdn.example.com/ep1.mp4");
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The episode name. */
    public MediaName name() {
        return name;
    }

    /** Where the platform fetches the video. */
    public URI mediaUrl() {
        return mediaUrl;
    }

    /** Where the platform fetches the cover, if given. */
    public Optional<URI> coverUrl() {
        return Optional.ofNullable(coverUrl);
    }

    /** The source context passed through to the upload event (empty when not sent). */
    public String sourceContext() {
        return sourceContext;
    }

    @Override
    public String toString() {
        return "PullUpload[" + name + ", " + mediaUrl + "]";
    }

    /**
     * Builder of {@link PullUpload}. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build()} reports it with every other
     * violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder {
        private MediaName name;
        private URI mediaUrl;
        private URI coverUrl;
        private String sourceContext;
        private final NullSetters nulls = new NullSetters();

        private Builder() {
        }

        /** The episode name (required). */
        public Builder name(MediaName name) {
            this.name = name;
            return this;
        }

        /** The video's URL, absolute http(s) (required). */
        public Builder mediaUrl(URI mediaUrl) {
            this.mediaUrl = mediaUrl;
            return this;
        }

        /** The video's URL, parsed (required). */
        public Builder mediaUrl(String mediaUrl) {
            this.mediaUrl = parse("media_url", mediaUrl);
            return this;
        }

        /** The cover's URL, absolute http(s) (optional). */
        public Builder coverUrl(URI coverUrl) {
            this.coverUrl = nulls.optional(coverUrl, "cover_url");
            return this;
        }

        /** The cover's URL, parsed (optional). */
        public Builder coverUrl(String coverUrl) {
            this.coverUrl = nulls.optional(parse("cover_url", coverUrl), "cover_url");
            return this;
        }

        /** Context passed through to the upload event (optional). */
        public Builder sourceContext(String sourceContext) {
            this.sourceContext = nulls.optional(sourceContext, "source_context");
            return this;
        }

        /** The parsed URL; {@code null} for {@code null}, so build() reports it. */
        private static URI parse(String field, String url) {
            if (url == null) {
                return null;
            }
            try {
                return new URI(url);
            } catch (java.net.URISyntaxException e) {
                throw InvalidRequestException.of(field, Rule.R8, url, field + " is not a valid URL: " + e.getReason());
            }
        }

        /**
         * Builds the request.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public PullUpload build() {
            return new PullUpload(this);
        }
    }
}
