package io.minidrama.port.upload;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.MediaCatalogPort;
import io.minidrama.port.internal.IoFailures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploads a season: every episode file of a drama, named {@code 剧名 - 第N集}, with bounded
 * concurrency across files, returning the media ids in episode order.
 *
 * <p>Idempotent: before uploading, it lists the media already on the platform under the drama's
 * name, and skips episodes found there (the newest media of that name wins); episodes interrupted
 * mid-way resume from their checkpoints. A failed episode does not stop the others; the result
 * names it, and running the same season again uploads only what is missing.
 *
 * <p>An hour of uploads is wasted if the submission is then refused: check its paperwork first,
 * upload, then complete and submit it.
 * <pre>{@code
 * FirstSubmission.Draft paperwork = FirstSubmission.builder()...buildDraft(); // throws before any upload
 * List<MediaId> episodes = seasonUploader.uploadFolder("我的短剧", folder).mediaIdsInOrder();
 * DramaId drama = miniDrama.dramas().submit(paperwork.withMedia(episodes));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SeasonUploader {
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,4})");

    private final FileUploadService uploads;
    private final MediaCatalogPort catalog;
    private final int fileConcurrency;

    private SeasonUploader(FileUploadService uploads, MediaCatalogPort catalog, int fileConcurrency) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (fileConcurrency < 1) {
            throw new IllegalArgumentException("fileConcurrency must be >= 1");
        }
        this.fileConcurrency = fileConcurrency;
    }

    /** A season uploader sending up to {@code fileConcurrency} files at once. */
    public static SeasonUploader create(FileUploadService uploads, MediaCatalogPort catalog, int fileConcurrency) {
        return new SeasonUploader(uploads, catalog, fileConcurrency);
    }

    /**
     * The video files of {@code folder} in episode order: files with a supported video extension,
     * each numbered by the last number in its name ({@code ep01.mp4}, {@code 第12集.mp4}).
     *
     * @throws InvalidRequestException when a file has no number or two files share one, or
     *         when the folder cannot be listed (then the {@link IOException} is its cause; nothing was sent)
     */
    public static List<Path> episodesIn(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(SeasonUploader::isVideo).toList();
        } catch (IOException | java.io.UncheckedIOException failure) {
            // Files.list throws the first; its stream, failing while it reads the folder, the second
            IOException e = failure instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) failure;
            InvalidRequestException invalid = InvalidRequestException.of("folder", Rule.NONE, folder,
                    "cannot list the folder: " + IoFailures.describe(e) + "; nothing was sent");
            invalid.initCause(e);
            throw invalid;
        }
        Map<Integer, Path> byNumber = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            Optional<Integer> n = episodeNumber(f);
            if (n.isEmpty()) {
                problems.add(f.getFileName() + " has no episode number in its name");
            } else if (byNumber.putIfAbsent(n.get(), f) != null) {
                problems.add(f.getFileName() + " and " + byNumber.get(n.get()).getFileName() + " are both episode " + n.get());
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidRequestException.of("media_name", Rule.R1, folder, String.join("; ", problems));
        }
        if (byNumber.isEmpty()) {
            throw InvalidRequestException.of("media_data", Rule.NONE, folder, "the folder holds no video files");
        }
        List<Integer> numbers = byNumber.keySet().stream().sorted().toList();
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) != i + 1) {
                throw InvalidRequestException.of("media_name", Rule.R1, folder,
                        "episodes must be numbered 1.." + numbers.size() + " without gaps; episode " + (i + 1) + " is missing");
            }
        }
        return numbers.stream().map(byNumber::get).toList();
    }

    private static boolean isVideo(Path p) {
        try {
            return VideoFormat.ofFileName(p.getFileName().toString()).uploadable();
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    private static Optional<Integer> episodeNumber(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Matcher m = NUMBER.matcher(dot < 0 ? name : name.substring(0, dot));
        Integer last = null;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return Optional.ofNullable(last).filter(n -> n >= 1);
    }

    /** Uploads every episode file of {@code folder} as {@code dramaName}. */
    public SeasonResult uploadFolder(String dramaName, Path folder) {
        return upload(dramaName, episodesIn(folder));
    }

    /**
     * Uploads {@code episodes} (episode 1 first) as {@code dramaName}. Never throws for a failed
     * episode: the result names it.
     *
     * @throws InvalidRequestException when the drama name or a file is invalid (nothing is sent)
     */
    public SeasonResult upload(String dramaName, List<Path> episodes) {
        List<FileUploadRequest> requests = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            requests.add(FileUploadRequest.builder(episodes.get(i), MediaName.of(dramaName, i + 1)).build());
        }
        return uploadRequests(dramaName, requests);
    }

    /** Uploads prepared requests (episode names set by the caller); see {@link #upload}. */
    public SeasonResult uploadRequests(String dramaName, List<FileUploadRequest> requests) {
        Map<String, MediaId> existing = existingEpisodes(dramaName);
        Semaphore slots = new Semaphore(fileConcurrency);
        List<CompletableFuture<SeasonResult.Episode>> futures = new ArrayList<>();
        for (FileUploadRequest r : requests) {
            MediaId found = existing.get(r.name().wire());
            if (found != null) {
                futures.add(CompletableFuture.completedFuture(new SeasonResult.Episode(r.name().episode(), r.video(),
                        SeasonResult.Status.ALREADY_UPLOADED, Optional.of(found), Optional.empty())));
                continue;
            }
            slots.acquireUninterruptibly();
            UploadHandle h = uploads.start(r);
            futures.add(h.result().handle((id, err) -> {
                slots.release();
                if (err == null) {
                    return new SeasonResult.Episode(r.name().episode(), r.video(), SeasonResult.Status.UPLOADED, Optional.of(id), Optional.empty());
                }
                return new SeasonResult.Episode(r.name().episode(), r.video(), SeasonResult.Status.FAILED, Optional.empty(),
                        Optional.of(FileUploadService.unwrap(err)));
            }));
        }
        List<SeasonResult.Episode> results = futures.stream().map(CompletableFuture::join)
                .sorted(Comparator.comparingInt(SeasonResult.Episode::number)).toList();
        return new SeasonResult(dramaName, results);
    }

    /** Media already on the platform named {@code dramaName - 第N集}, newest per name. */
    private Map<String, MediaId> existingEpisodes(String dramaName) {
        Map<String, Media> newest = new HashMap<>();
        // media_name is exact: search fuzzily, keep only this drama's episodes below.
        MediaQuery q = MediaQuery.builder().nameFuzzy(dramaName + " - 第").page(PageRequest.first()).build();
        while (true) {
            List<Media> page = catalog.listMedia(q);
            for (Media m : page) {
                m.parsedName().filter(n -> n.dramaName().equals(dramaName)).ifPresent(n ->
                        newest.merge(n.wire(), m, (a, b) -> a.createTime().isAfter(b.createTime()) ? a : b));
            }
            if (page.size() < q.page().limit()) {
                break;
            }
            q = q.withPage(q.page().next());
        }
        Map<String, MediaId> ids = new HashMap<>();
        newest.forEach((name, m) -> ids.put(name, m.id()));
        return ids;
    }
}
