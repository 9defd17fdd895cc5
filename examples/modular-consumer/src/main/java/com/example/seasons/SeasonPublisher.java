package com.example.seasons;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.port.upload.SeasonUploader;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A service of a modular application, written against the SDK's public API only: it uploads a
 * season folder (small episodes in one request, large ones in parts), submits the drama and hands
 * out play links once the drama is approved.
 */
public final class SeasonPublisher implements AutoCloseable {
    private final JdkHttpMiniDramaAdapter platform;
    private final MiniDrama miniDrama;
    private final FileUploadService uploads;

    /** A publisher talking to the platform at {@code baseUrl}, checkpoints kept in {@code checkpoints}. */
    public SeasonPublisher(URI baseUrl, String appId, String secret, Path checkpoints) {
        this(JdkHttpMiniDramaAdapter.builder().baseUrl(baseUrl).credentials(appId, secret).build(), checkpoints);
    }

    /**
     * A publisher whose access tokens come from {@code tokens}: for an instance of a fleet that
     * shares one token (e.g. through {@code RedisAccessTokens}).
     */
    public SeasonPublisher(URI baseUrl, AccessTokenPort tokens, Path checkpoints) {
        this(JdkHttpMiniDramaAdapter.builder().baseUrl(baseUrl).accessTokens(tokens).build(), checkpoints);
    }

    private SeasonPublisher(JdkHttpMiniDramaAdapter platform, Path checkpoints) {
        this.platform = platform;
        this.miniDrama = MiniDrama.create(platform);
        this.uploads = FileUploadService.builder(platform, FileUploadCheckpoints.in(checkpoints)).build();
    }

    /** Uploads every episode of {@code folder} as {@code dramaName}; the media ids in episode order. */
    public List<MediaId> uploadSeason(String dramaName, Path folder) {
        return SeasonUploader.create(uploads, platform, 2).uploadFolder(dramaName, folder).mediaIdsInOrder();
    }

    /** Submits the drama for its first audit. */
    public DramaId submit(FirstSubmission submission) {
        return miniDrama.dramas().submit(submission);
    }

    /** The drama as the platform has it now. */
    public Drama drama(DramaId id) {
        return miniDrama.dramas().get(id);
    }

    /** The media as the platform has it now. */
    public Media media(MediaId id) {
        return miniDrama.media().get(id);
    }

    /** A play link to an episode of an approved drama. */
    public PlayLink playLink(MediaId episode, Duration validFor) {
        return miniDrama.media().playLink(episode, validFor);
    }

    @Override
    public void close() {
        uploads.close();
    }
}
