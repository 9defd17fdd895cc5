package io.minidrama.port.service;

import io.minidrama.port.CopyrightAuthorizationPort;
import io.minidrama.port.DramaAuthorizationPort;
import io.minidrama.port.MiniDramaPlatform;

import java.time.Clock;
import java.util.Objects;

/**
 * The entry point: the mini-drama use cases over one {@link MiniDramaPlatform} (the HTTP adapter
 * in production, the in-memory fake in tests).
 *
 * <pre>{@code
 * MiniDrama md = MiniDrama.create(platform);
 * FirstSubmission.Draft paperwork = FirstSubmission.builder()...buildDraft(); // checked before any upload
 * MediaId id = md.uploads().uploadSingle(SingleFileUpload.builder()...build());
 * DramaId drama = md.dramas().submit(paperwork.withMedia(List.of(id)));
 * }</pre>
 *
 * Thread-safe; share one instance. Every request is checked against the platform's rules before
 * it is sent; a broken rule throws {@link io.minidrama.domain.error.InvalidRequestException}.
 */
public final class MiniDrama {
    private final MiniDramaPlatform platform;
    private final Clock clock;
    private final UploadService uploads;
    private final MediaService media;
    private final DramaService dramas;
    private final CdnService cdn;
    private final CatalogService catalog;

    private MiniDrama(MiniDramaPlatform platform, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uploads = new UploadService(platform, platform);
        this.media = new MediaService(platform, clock);
        this.dramas = new DramaService(platform);
        this.cdn = new CdnService(platform, clock);
        this.catalog = new CatalogService(platform, platform, platform);
    }

    /** The use cases over {@code platform}, with the system clock. */
    public static MiniDrama create(MiniDramaPlatform platform) {
        return new MiniDrama(platform, Clock.systemUTC());
    }

    /** The use cases over {@code platform}, checking time rules against {@code clock}. */
    public static MiniDrama create(MiniDramaPlatform platform, Clock clock) {
        return new MiniDrama(platform, clock);
    }

    /** Uploads: single, chunked, pull. */
    public UploadService uploads() {
        return uploads;
    }

    /** Media: list, get, delete, play links. */
    public MediaService media() {
        return media;
    }

    /** Dramas: submit, resubmit, list, get. */
    public DramaService dramas() {
        return dramas;
    }

    /** CDN usage and logs. */
    public CdnService cdn() {
        return cdn;
    }

    /**
     * Keeping a catalogue alive after the first audit: episode replacement, information changes,
     * the audit history and the traffic packages. Requests the drama's state already rules out
     * throw {@link io.minidrama.domain.error.InvalidRequestException} before anything is sent.
     */
    public CatalogService catalog() {
        return catalog;
    }

    /**
     * Drama and whole-catalogue authorisations to other mini programs: the platform itself, as
     * {@link DramaAuthorizationPort} (each request type checks when it is built).
     */
    public DramaAuthorizationPort authorizations() {
        return platform;
    }

    /**
     * Copyright authorisations of dramas that applied for copyright protection: the platform
     * itself, as {@link CopyrightAuthorizationPort} (R-24..R-26 are checked when requests are built).
     */
    public CopyrightAuthorizationPort copyright() {
        return platform;
    }

    /** The platform these use cases drive. */
    public MiniDramaPlatform platform() {
        return platform;
    }

    /** The clock time rules are checked against. */
    public Clock clock() {
        return clock;
    }
}
