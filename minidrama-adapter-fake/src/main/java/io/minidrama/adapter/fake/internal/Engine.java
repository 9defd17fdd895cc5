package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.Playback;
import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.domain.AppId;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaSubmission;
import io.minidrama.domain.drama.ExpediteQuota;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.PendingInfoChange;
import io.minidrama.domain.drama.PendingReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaAuditDetail;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The fake platform's state and rules. One coarse lock guards the state; reading request bodies,
 * hashing and assembling uploads happen outside it so concurrent part uploads do not queue behind
 * each other. Push events are collected under the lock and delivered after it is released, so a
 * listener may call back into the fake.
 */
public final class Engine {
    /** How long an upload id stays valid after {@code applyupload} (the platform does not say; a day is generous). */
    static final Duration UPLOAD_TTL = Duration.ofDays(1);
    private static final String FROM_USER = "o_minidrama_platform";
    /** Links to a replaced episode keep working this long after the replacement is applied (API.md §7). */
    static final Duration OLD_LINKS_KEEP_WORKING = Duration.ofDays(7);
    /** A qualification can change only for dramas first submitted before this (2024-05-27, China time). */
    static final Instant QUALIFICATION_CHANGE_CUTOFF = LocalDate.of(2024, 5, 27).atStartOfDay(ExpediteQuota.PLATFORM_ZONE).toInstant();
    /** The serving domains whose logs are separate files (R-23: one file per hour and domain). */
    static final String MP4_DOMAIN = "mp4.vod.fake";
    static final String HLS_DOMAIN = "hls.vod.fake";
    private static final DateTimeFormatter LOG_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ExpediteQuota.PLATFORM_ZONE);

    private final Settings settings;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicLong nextId;
    private final long firstId;

    private final Map<UploadId, Upload> uploads = new HashMap<>();
    /** Bytes of uploaded parts held in memory by every upload's {@link PartChain}. */
    private final AtomicLong partBytesInMemory = new AtomicLong();
    /** Up to 16 free 5 MB arrays (80 MB) for held parts: a 64 MB content cap's worth and some out-of-order parts. */
    private final PartBuffers partBuffers = new PartBuffers(16);
    private volatile String pulledMediaSha256;
    private final Map<MediaId, MediaRec> media = new HashMap<>();
    private final Map<DramaId, DramaRec> dramas = new HashMap<>();
    private final Map<TaskId, TaskRec> tasks = new LinkedHashMap<>();
    private final Map<String, LinkRec> links = new HashMap<>();
    private final List<Traffic> traffic = new ArrayList<>();
    private final Deque<PullFailure> pullFailures = new ArrayDeque<>();
    private final Map<MediaId, Duration> presetDurations = new HashMap<>();
    private ExpediteQuota quota;
    private final PackageBook packages = new PackageBook();
    private final GrantBook grants;

    private final List<Consumer<UploadEvent>> uploadListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AuditEvent>> auditListeners = new CopyOnWriteArrayList<>();
    private final List<PushEvent> eventLog = new CopyOnWriteArrayList<>();

    public Engine(Settings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.firstId = settings.firstId();
        this.nextId = new AtomicLong(firstId);
        this.quota = ExpediteQuota.fresh(clock.instant());
        this.grants = new GrantBook(settings.appId());
    }

    // ---------------------------------------------------------------- uploads

    public MediaId uploadSingle(SingleFileUpload r) {
        byte[] video = readAll(r.video());
        byte[] cover = r.cover().map(Engine::readAll).orElse(null);
        String sha = Digests.sha256(video);
        String coverSha = cover == null ? "" : Digests.sha256(cover);
        return locked(out -> {
            MediaId id = new MediaId(nextId.getAndIncrement());
            media.put(id, new MediaRec(id, r.name().wire(), clock.instant(), video.length, sha, keep(video),
                    cover == null ? 0 : cover.length, coverSha, r.sourceContext()));
            return id;
        });
    }

    public UploadId applyUpload(ApplyUpload r) {
        return locked(out -> {
            UploadId id = UploadId.of("fake-upload-" + nextId.getAndIncrement() + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())));
            uploads.put(id, new Upload(r, clock.instant(), settings.wallTicker().getAsLong()));
            return id;
        });
    }

    public Etag uploadPart(PartUpload p) {
        String etag = Digests.etag(p.data());
        PartChain chain = locked(out -> {
            Upload u = upload("uploadpart", p.uploadId());
            if (p.resourceType() == ResourceType.COVER && u.request.coverFormat().isEmpty()) {
                throw error("uploadpart", ErrorCode.RESOURCE_TYPE_INVALID,
                        "resource_type 2 (cover) needs a cover_type at applyupload; upload " + p.uploadId() + " has none");
            }
            u.touch(settings.wallTicker().getAsLong());
            return p.resourceType() == ResourceType.COVER ? u.cover : u.video;
        });
        // Digested (and its bytes held or dropped) under the upload's own lock, not the fake's.
        if (!chain.put(p.partNumber(), p.data(), etag)) {
            throw expired("uploadpart", p.uploadId());
        }
        return Etag.of(etag);
    }

    public MediaId commitUpload(CommitUpload c) {
        String op = "commitupload";
        Upload u = locked(out -> upload(op, c.uploadId()));
        PartChain.Assembled v = u.video.assemble(op, c.mediaParts(), "video");
        boolean applied = u.request.coverFormat().isPresent();
        if (applied && c.coverParts().isEmpty()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "cover_part_infos is required: a cover_type was given at applyupload");
        }
        if (!applied && !c.coverParts().isEmpty()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "cover_part_infos given, but no cover_type was given at applyupload");
        }
        PartChain.Assembled cv = u.cover.assemble(op, c.coverParts(), "cover");
        if (cv.size() > UploadLimits.COVER_MAX) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "the cover is " + cv.size() + " bytes; at most 10 MB (10485760 bytes)");
        }
        return locked(out -> {
            if (uploads.get(c.uploadId()) != u) {
                throw expired(op, c.uploadId()); // committed (or expired) by a concurrent call
            }
            uploads.remove(c.uploadId());
            u.release();
            MediaId id = new MediaId(nextId.getAndIncrement());
            media.put(id, new MediaRec(id, u.request.name().wire(), clock.instant(), v.size(), v.sha256(), v.content(),
                    cv.size(), cv.size() == 0 ? "" : cv.sha256(), u.request.sourceContext()));
            return id;
        });
    }

    /** Bytes of uploaded parts the fake holds in memory now (uploads not committed yet). */
    public long partBytesInMemory() {
        return partBytesInMemory.get();
    }

    private byte[] keep(byte[] video) {
        return video.length <= settings.keepContentUpTo() ? video : null;
    }

    private static byte[] readAll(ByteSource source) {
        try (InputStream in = source.openStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, source.size()));
        } catch (IOException e) {
            throw new io.minidrama.domain.error.TransportException("singlefileupload", "cannot read " + source.fileName() + ": " + e, false, e);
        }
    }

    private Upload upload(String op, UploadId id) {
        Upload u = uploads.get(id);
        if (u == null) {
            throw expired(op, id);
        }
        return u;
    }

    private static PlatformException expired(String op, UploadId id) {
        return error(op, ErrorCode.RESOURCE_NOT_FOUND, "upload_id " + id + " does not exist, has expired or was committed");
    }

    // ---------------------------------------------------------------- pull upload

    public TaskId pullUpload(PullUpload r) {
        return locked(out -> {
            TaskId id = new TaskId(nextId.getAndIncrement());
            Instant now = clock.instant();
            Instant processing = now.plus(settings.pullWaiting());
            tasks.put(id, new TaskRec(id, r, now, processing, processing.plus(settings.pullProcessing()), pullFailures.poll()));
            return id;
        });
    }

    public Task getTask(TaskId id) {
        return locked(out -> {
            TaskRec t = tasks.get(id);
            if (t == null) {
                throw error("gettask", ErrorCode.RESOURCE_NOT_FOUND, "task_id " + id + " does not exist");
            }
            return t.toTask(clock.instant());
        });
    }

    // ---------------------------------------------------------------- catalog

    public List<Media> listMedia(MediaQuery q) {
        return locked(out -> media.values().stream()
                .filter(m -> q.dramaId().map(d -> d.equals(m.dramaId)).orElse(true))
                .filter(m -> q.matchesName(m.name))
                .filter(m -> q.uploadedWithin().map(w -> w.contains(m.created)).orElse(true))
                .sorted(Comparator.comparing((MediaRec m) -> m.created).thenComparing(m -> m.id.value()).reversed())
                .skip(q.page().offset())
                .limit(q.page().limit())
                .map(this::toMedia)
                .toList());
    }

    public Media getMedia(MediaId id) {
        return locked(out -> toMedia(mediaRec("getmedia", id)));
    }

    public void deleteMedia(MediaId id) {
        locked(out -> {
            mediaRec("deletemedia", id);
            media.remove(id);
            return null;
        });
    }

    public PlayLink getPlayLink(PlayLinkRequest r) {
        return locked(out -> {
            String op = "getmedialink";
            MediaRec m = mediaRec(op, r.mediaId());
            Instant now = clock.instant();
            DramaId dramaId = m.dramaId != null ? m.dramaId : m.stillPlayable(now) ? m.formerDrama : null;
            if (dramaId == null) {
                throw error(op, ErrorCode.OPERATION_FAILED, m.formerDrama != null
                        ? "media " + m.id + " was replaced in drama " + m.formerDrama + " more than 7 days ago; its links ended"
                        : "media " + m.id + " is not an episode of a submitted drama; links need an approved drama");
            }
            Drama d = dramas.get(dramaId).drama;
            if (!d.status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; links are issued only for approved dramas");
            }
            if (!r.expiry().isAfter(now) || r.expiry().isAfter(now.plus(PlayLinkRequest.MAX_LIFETIME))) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "t " + r.expiry().getEpochSecond() + " must be in the future and at most 2 hours away (now "
                        + now.getEpochSecond() + ")");
            }
            long seconds = m.duration().toSeconds();
            if (r.previewSeconds().isPresent() && seconds > 0 && r.previewSeconds().getAsInt() > seconds) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "exper " + r.previewSeconds().getAsInt() + " exceeds the video's duration (" + seconds + " s)");
            }
            String token = Long.toString(nextId.getAndIncrement(), 36) + Long.toHexString(Double.doubleToLongBits(Math.random()) & 0xffffffL);
            links.put(token, new LinkRec(m.id, r.expiry(), r.rlimit().orElse(0), r.whref(), r.bkref(), r.previewSeconds().orElse(0)));
            String query = "?t=" + r.expiry().getEpochSecond() + r.us().map(u -> "&us=" + u + "-wxfake").orElse("");
            String base = settings.urlBase() + "/play/" + token;
            return new PlayLink(m.id, m.duration(), m.name, "", url("cover", m.id), base + ".mp4" + query, base + ".m3u8" + query);
        });
    }

    // ---------------------------------------------------------------- dramas

    public DramaId submit(DramaSubmission s) {
        return locked(out -> s instanceof FirstSubmission f ? first(f) : resubmit((Resubmission) s));
    }

    private DramaId first(FirstSubmission f) {
        String op = "auditdrama";
        Instant now = clock.instant();
        for (MediaId mid : f.mediaIds()) {
            MediaRec m = media.get(mid);
            if (m == null) {
                throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "media " + mid + " in media_id_list does not exist");
            }
            if (m.dramaId != null || m.reservedBy != null) {
                throw error(op, ErrorCode.EPISODE_OCCUPIED, "media " + mid + " is already an episode of drama "
                        + (m.dramaId != null ? m.dramaId : m.reservedBy + " (a pending replacement)"));
            }
        }
        if (f.expedited()) {
            // 10093011 (operation failed), not 10093023 (too frequent): the day's quota does not come
            // back with backoff, and ErrorCode classifies 10093023 as retryable, which would make
            // clients retry a submission that cannot succeed before midnight, China time.
            if (quota.remaining(now) == 0) {
                throw error(op, ErrorCode.OPERATION_FAILED, "the 5 expedited first submissions of today (China time) are used; submit with expedited=0");
            }
            quota = quota.consume(now);
        }
        DramaId id = new DramaId(nextId.getAndIncrement());
        Drama d = Drama.builder(id)
                .name(f.name())
                .createTime(now)
                .producer(f.producer())
                .description(f.description())
                .coverUrl(settings.urlBase() + "/material/" + f.coverMaterialId())
                .productionLicense(licence(f.qualification()))
                .mediaIds(f.mediaIds())
                .expedited(f.expedited())
                .recommendations(f.recommendations())
                .build()
                .submittedForReview(now);
        DramaRec rec = new DramaRec(d, AuditType.FIRST_SUBMISSION);
        rec.copyrightProtected = f.copyright().map(Copyright::applyForProtection).orElse(false);
        rec.audits.put(AuditType.FIRST_SUBMISSION, d.auditDetail());
        dramas.put(id, rec);
        underReview(id, f.mediaIds(), now);
        return id;
    }

    private DramaId resubmit(Resubmission r) {
        String op = "auditdrama";
        Instant now = clock.instant();
        DramaRec rec = dramas.get(r.dramaId());
        if (rec == null) {
            throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "drama " + r.dramaId() + " does not exist");
        }
        Drama d = rec.drama;
        if (d.status() == AuditStatus.REJECTED) {
            throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " was rejected for good (status 2); it cannot be resubmitted, "
                    + "a new first submission is needed");
        }
        if (!d.status().canResubmit()) {
            throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; only a drama sent back for changes (status 4) can be resubmitted");
        }
        if (r.mediaCount().isPresent() && r.mediaCount().getAsInt() != d.mediaCount()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "media_count must stay " + d.mediaCount());
        }
        List<MediaId> ids = new ArrayList<>(r.mediaIds().isEmpty() ? d.mediaIds() : r.mediaIds());
        if (ids.size() != d.mediaCount()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "media_id_list must keep " + d.mediaCount() + " episodes");
        }
        for (MediaReplacement rep : r.replacements()) {
            int at = ids.indexOf(rep.oldMedia());
            if (at < 0) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.oldMedia() + " is not an episode of drama " + d.id());
            }
            if (ids.contains(rep.newMedia())) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.newMedia() + " is already an episode of drama " + d.id());
            }
            ids.set(at, rep.newMedia());
        }
        for (MediaId mid : ids) {
            MediaRec m = media.get(mid);
            if (m == null) {
                throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "media " + mid + " does not exist");
            }
            if (m.dramaId != null && !m.dramaId.equals(d.id()) || m.reservedBy != null) {
                throw error(op, ErrorCode.EPISODE_OCCUPIED, "media " + mid + " is already an episode of drama "
                        + (m.dramaId != null ? m.dramaId : m.reservedBy + " (a pending replacement)"));
            }
        }
        Set<MediaId> kept = new HashSet<>(ids);
        for (MediaId old : d.mediaIds()) {
            MediaRec m = media.get(old);
            if (!kept.contains(old) && m != null) {
                m.dramaId = null;
                m.audit = MediaAuditDetail.none();
                m.decided = false;
            }
        }
        Drama.Builder b = d.toBuilder().mediaIds(ids);
        r.name().ifPresent(b::name);
        r.producer().ifPresent(b::producer);
        r.description().ifPresent(b::description);
        r.coverMaterialId().ifPresent(c -> b.coverUrl(settings.urlBase() + "/material/" + c));
        r.qualification().ifPresent(q -> b.productionLicense(licence(q)));
        rec.drama = b.build().submittedForReview(now);
        rec.lastType = AuditType.RESUBMISSION;
        rec.audits.put(AuditType.RESUBMISSION, rec.drama.auditDetail());
        underReview(d.id(), ids, now);
        return d.id();
    }

    private void underReview(DramaId id, List<MediaId> episodes, Instant now) {
        for (MediaId mid : episodes) {
            MediaRec m = media.get(mid);
            m.dramaId = id;
            m.audit = new MediaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH, "", List.of());
            m.decided = false;
        }
    }

    private static String licence(Qualification q) {
        if (q instanceof Qualification.RegistrationNumber n) {
            return n.number();
        } else if (q instanceof Qualification.PublishLicense p) {
            return p.number();
        } else if (q instanceof Qualification.Licensed l) {
            return l.registrationNumber();
        }
        return "";
    }

    public List<Drama> listDramas(PageRequest page) {
        return locked(out -> dramas.values().stream()
                .map(rec -> rec.drama)
                .sorted(Comparator.comparing(Drama::createTime).thenComparing(d -> d.id().value()).reversed())
                .skip(page.offset())
                .limit(page.limit())
                .toList());
    }

    public Drama getDrama(DramaId id) {
        return locked(out -> dramaRec("getdrama", id).drama);
    }

    // ---------------------------------------------------------------- maintenance (API.md §7)

    public void submitReplacement(ReplacementRequest r) {
        locked(out -> {
            String op = "submitreplacedramamedias";
            DramaRec rec = dramaRec(op, r.dramaId());
            Drama d = rec.drama;
            if (!d.status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; episodes can be replaced only in an approved drama");
            }
            if (d.replacement().filter(p -> p.status() == AuditStatus.UNDER_REVIEW).isPresent()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "a replacement of drama " + d.id()
                        + " is already under review; wait for its audit event (audit_type 2)");
            }
            for (MediaReplacement rep : r.replacements()) {
                if (!d.mediaIds().contains(rep.oldMedia())) {
                    throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.oldMedia() + " is not an episode of drama " + d.id());
                }
                if (d.mediaIds().contains(rep.newMedia())) {
                    throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.newMedia() + " is already an episode of drama " + d.id());
                }
                MediaRec m = mediaRec(op, rep.newMedia());
                if (m.dramaId != null || m.reservedBy != null && !m.reservedBy.equals(d.id())) {
                    throw error(op, ErrorCode.EPISODE_OCCUPIED, "media " + m.id + " is already an episode of drama "
                            + (m.dramaId != null ? m.dramaId : m.reservedBy));
                }
            }
            Instant now = clock.instant();
            // A new replacement supersedes an earlier one that was not (fully) applied.
            d.replacement().ifPresent(p -> p.items().forEach(i -> release(i.newMedia(), d.id())));
            rec.drama = d.replacementSubmitted(r, now);
            for (MediaReplacement rep : r.replacements()) {
                MediaRec m = media.get(rep.newMedia());
                m.reservedBy = d.id();
                m.audit = new MediaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH, "", List.of());
            }
            rec.audits.put(AuditType.REPLACEMENT, new DramaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH));
            return null;
        });
    }

    private void release(MediaId id, DramaId drama) {
        MediaRec m = media.get(id);
        if (m != null && drama.equals(m.reservedBy)) {
            m.reservedBy = null;
            m.audit = MediaAuditDetail.none();
        }
    }

    public void applyReplacement(ReplacementApplication a) {
        locked(out -> {
            String op = "replacedramamedia";
            DramaRec rec = dramaRec(op, a.dramaId());
            Drama d = rec.drama;
            Optional<PendingReplacement> pending = d.replacement();
            if (pending.isEmpty() || !pending.get().status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " has no approved replacement to apply ("
                        + pending.map(p -> "it is " + p.status()).orElse("none was submitted")
                        + "); shortly after an approval, retry in a few minutes");
            }
            PendingReplacement p = pending.get();
            if (!p.items().contains(new MediaReplacement(a.oldMedia(), a.newMedia()))) {
                throw error(op, ErrorCode.PARAMETER_ERROR, a.oldMedia() + " -> " + a.newMedia() + " is not in the approved replacement of drama "
                        + d.id() + " (left to apply: " + p.items() + ")");
            }
            Instant now = clock.instant();
            if (now.isAfter(p.applyDeadline())) {
                throw error(op, ErrorCode.OPERATION_FAILED, "the replacement approved at " + p.reviewedAt().getEpochSecond()
                        + " had to be applied within 7 days (by " + p.applyDeadline().getEpochSecond() + "); submit it again");
            }
            MediaRec fresh = mediaRec(op, a.newMedia());
            rec.drama = d.replacementApplied(a, now);
            MediaRec old = media.get(a.oldMedia());
            if (old != null) {
                old.dramaId = null;
                old.formerDrama = d.id();
                old.replacedAt = now;
            }
            fresh.dramaId = d.id();
            fresh.reservedBy = null;
            fresh.decided = true;
            return null;
        });
    }

    public void modifyInfo(DramaInfoChange c) {
        locked(out -> {
            String op = "modifydramabasicinfo";
            DramaRec rec = dramaRec(op, c.dramaId());
            Drama d = rec.drama;
            if (!d.status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; only an approved drama's information can change");
            }
            if (d.infoChange().filter(p -> p.status() == AuditStatus.UNDER_REVIEW).isPresent()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "an information change of drama " + d.id()
                        + " is already under review; wait for its audit event (audit_type 3)");
            }
            if (c.qualification().isPresent() && (!d.createTime().isBefore(QUALIFICATION_CHANGE_CUTOFF) || rec.qualificationChanged)) {
                throw error(op, ErrorCode.OPERATION_FAILED, "the qualification changes once, and only for dramas first submitted before 2024-05-27; drama "
                        + d.id() + (rec.qualificationChanged ? " changed it already" : " was submitted later"));
            }
            boolean applying = rec.copyrightProtected || c.copyright().map(Copyright::applyForProtection).orElse(false);
            if ((c.producer().isPresent() || c.copyright().isPresent()) && !applying) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "producer and copyright change only when applying for copyright protection");
            }
            Instant now = clock.instant();
            rec.drama = d.infoChangeSubmitted(c, now);
            rec.audits.put(AuditType.INFO_CHANGE, new DramaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH));
            return null;
        });
    }

    public DramaAuditDetail latestAudit(LatestAuditQuery q) {
        return locked(out -> {
            String op = "getdramalatestauditinfo";
            DramaAuditDetail detail = dramaRec(op, q.dramaId()).audits.get(q.auditType());
            if (detail == null) {
                throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "drama " + q.dramaId() + " has no audit of type " + q.auditType().code()
                        + " (" + q.auditType() + ")");
            }
            return detail;
        });
    }

    public void reviewReplacement(DramaId id, AuditStatus outcome, String reason) {
        locked(out -> {
            DramaRec rec = dramaRec("control", id);
            PendingReplacement p = rec.drama.replacement().filter(x -> x.status() == AuditStatus.UNDER_REVIEW)
                    .orElseThrow(() -> new IllegalStateException("no replacement of drama " + id + " is under review"));
            Instant now = clock.instant();
            rec.drama = rec.drama.replacementReviewed(outcome, now);
            boolean approved = outcome.isApproved();
            for (MediaReplacement i : p.items()) {
                MediaRec m = media.get(i.newMedia());
                if (m != null) {
                    m.audit = new MediaAuditDetail(outcome, m.audit.createTime(), now, approved ? "" : reason, List.of());
                    if (!approved) {
                        m.reservedBy = null;
                    }
                }
            }
            rec.audits.put(AuditType.REPLACEMENT, new DramaAuditDetail(outcome, p.submittedAt(), now));
            out.add(new AuditEvent(envelope(AuditEvent.TYPE, now), id, outcome, AuditType.REPLACEMENT, p.submittedAt(), now));
            return null;
        });
    }

    public void reviewInfoChange(DramaId id, AuditStatus outcome) {
        locked(out -> {
            DramaRec rec = dramaRec("control", id);
            PendingInfoChange p = rec.drama.infoChange().filter(x -> x.status() == AuditStatus.UNDER_REVIEW)
                    .orElseThrow(() -> new IllegalStateException("no information change of drama " + id + " is under review"));
            Instant now = clock.instant();
            Drama reviewed = rec.drama.infoChangeReviewed(outcome, now);
            if (outcome.isApproved()) {
                DramaInfoChange c = p.change();
                Drama.Builder b = reviewed.toBuilder();
                c.coverMaterialId().ifPresent(m -> b.coverUrl(settings.urlBase() + "/material/" + m));
                c.qualification().ifPresent(q -> b.productionLicense(licence(q)));
                reviewed = b.build();
                rec.qualificationChanged |= c.qualification().isPresent();
                rec.copyrightProtected |= c.copyright().map(Copyright::applyForProtection).orElse(false);
            }
            rec.drama = reviewed;
            rec.audits.put(AuditType.INFO_CHANGE, new DramaAuditDetail(outcome, p.submittedAt(), now));
            out.add(new AuditEvent(envelope(AuditEvent.TYPE, now), id, outcome, AuditType.INFO_CHANGE, p.submittedAt(), now));
            return null;
        });
    }

    // ---------------------------------------------------------------- traffic packages

    public TrafficPackages listPackages(PackageQuery q) {
        return locked(out -> packages.list(q, clock.instant(), traffic));
    }

    public String addPackage(long totalMb, Instant start, Instant end, boolean directed) {
        return locked(out -> packages.add(nextId.getAndIncrement(), totalMb, start, end, directed));
    }

    public void setPackageUsed(String packageId, long usedMb) {
        locked(out -> {
            packages.setUsed(packageId, usedMb);
            return null;
        });
    }

    // ---------------------------------------------------------------- authorisations

    private final GrantBook.Dramas grantView = new GrantBook.Dramas() {
        @Override
        public Optional<Drama> find(DramaId id) {
            return Optional.ofNullable(dramas.get(id)).map(r -> r.drama);
        }

        @Override
        public boolean appliedForCopyrightProtection(DramaId id) {
            DramaRec r = dramas.get(id);
            return r != null && r.copyrightProtected;
        }

        @Override
        public List<DramaId> protectedDramas() {
            return dramas.entrySet().stream().filter(e -> e.getValue().copyrightProtected).map(Map.Entry::getKey)
                    .sorted(Comparator.comparing(DramaId::value)).toList();
        }
    };

    public List<AuthorizationResult> authorizeDramas(DramaAuthorization r) {
        return locked(out -> grants.authorizeDramas(r, clock.instant(), grantView));
    }

    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization r) {
        return locked(out -> grants.deauthorizeDramas(r, clock.instant(), grantView));
    }

    public DramaGrants grantedDramas(GrantedDramasQuery q) {
        return locked(out -> grants.grantedDramas(q, clock.instant()));
    }

    public DramaGrants receivedDramas(ReceivedDramasQuery q) {
        return locked(out -> grants.receivedDramas(q, clock.instant()));
    }

    public void authorizeApp(AppAuthorization r) {
        locked(out -> {
            grants.authorizeApp(r, clock.instant());
            return null;
        });
    }

    public void deauthorizeApp(AppId grantee) {
        locked(out -> {
            grants.deauthorizeApp(grantee, clock.instant());
            return null;
        });
    }

    public List<AppGrant> authorizedApps() {
        return locked(out -> grants.authorizedApps(clock.instant()));
    }

    public List<ReceivedAppGrant> receivedApps() {
        return locked(out -> grants.receivedApps(clock.instant()));
    }

    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization r) {
        return locked(out -> grants.authorizeCopyright(r, clock.instant(), grantView));
    }

    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization r) {
        return locked(out -> grants.deauthorizeCopyright(r, clock.instant(), grantView));
    }

    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery q) {
        return locked(out -> grants.grantedCopyrights(q, clock.instant()));
    }

    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery q) {
        return locked(out -> grants.receivedCopyrights(q, clock.instant()));
    }

    public void lacksCategory(AppId appId) {
        locked(out -> {
            grants.lacksCategory(appId);
            return null;
        });
    }

    public void receiveDramaGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        locked(out -> {
            grants.receiveDrama(authorizer, drama, clock.instant(), expiry);
            return null;
        });
    }

    public void receiveAppGrant(AppId authorizer, Expiry expiry) {
        locked(out -> {
            grants.receiveApp(authorizer, clock.instant(), expiry);
            return null;
        });
    }

    public void receiveCopyrightGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        locked(out -> {
            grants.receiveCopyright(authorizer, drama, clock.instant(), expiry);
            return null;
        });
    }

    /** Whether the drama's first submission (or an approved info change) applied for copyright protection. */
    public boolean appliedForCopyrightProtection(DramaId id) {
        return locked(out -> dramaRec("control", id).copyrightProtected);
    }

    // ---------------------------------------------------------------- CDN

    public CdnUsage getCdnUsage(CdnUsageQuery q) {
        return locked(out -> {
            DataInterval interval = q.interval();
            long step = interval.duration().toSeconds();
            Instant start = q.window().start();
            Instant first = interval == DataInterval.DAY
                    ? start.atZone(ExpediteQuota.PLATFORM_ZONE).truncatedTo(ChronoUnit.DAYS).toInstant()
                    : Instant.ofEpochSecond(start.getEpochSecond() - Math.floorMod(start.getEpochSecond(), step));
            List<CdnUsage.Point> points = new ArrayList<>();
            for (Instant t = first; t.isBefore(q.window().end()); t = t.plusSeconds(step)) {
                Instant from = t;
                Instant to = t.plusSeconds(step);
                long bytes = traffic.stream()
                        .filter(x -> x.counts(q.type()) && q.window().contains(x.at) && !x.at.isBefore(from) && x.at.isBefore(to))
                        .mapToLong(x -> x.bytes).sum();
                points.add(new CdnUsage.Point(t, billed(bytes)));
            }
            return new CdnUsage(interval, points);
        });
    }

    /** Billed traffic is about 110 % of the traffic in the logs (API.md R-23); rounded half up. */
    static long billed(long logBytes) {
        return (logBytes * 11 + 5) / 10;
    }

    /**
     * One file per hour and serving domain with traffic of the asked type, once the hour is over
     * an hour may have several files, one per domain; mp4 and HLS are served from two).
     */
    public CdnLogs getCdnLogs(CdnLogQuery q) {
        return locked(out -> {
            Instant now = clock.instant();
            TreeSet<Map.Entry<Instant, String>> files = new TreeSet<>(Map.Entry.<Instant, String>comparingByKey()
                    .thenComparing(Map.Entry.comparingByValue()));
            for (Traffic t : traffic) {
                Instant hour = t.at.truncatedTo(ChronoUnit.HOURS);
                if (t.counts(q.type()) && q.window().contains(hour) && !hour.plus(Duration.ofHours(1)).isAfter(now)) {
                    files.add(Map.entry(hour, t.domain));
                }
            }
            List<CdnLogs.LogFile> list = files.stream()
                    .map(f -> {
                        Instant h = f.getKey();
                        String name = LOG_HOUR.format(h) + "-" + f.getValue() + ".log.gz";
                        return new CdnLogs.LogFile(LocalDate.ofInstant(h, ExpediteQuota.PLATFORM_ZONE), name,
                                settings.urlBase() + "/cdnlog/" + name + "?expires=" + now.plus(Duration.ofDays(1)).getEpochSecond(),
                                h, h.plus(Duration.ofHours(1)));
                    })
                    .toList();
            return new CdnLogs(list.size(), list);
        });
    }

    // ---------------------------------------------------------------- control

    public void approveDrama(DramaId id) {
        review(id, AuditStatus.APPROVED, "", List.of());
    }

    public void rejectDrama(DramaId id, AuditStatus outcome, String reason, List<MaterialId> evidence) {
        review(id, outcome, reason, evidence);
    }

    private void review(DramaId id, AuditStatus outcome, String reason, List<MaterialId> evidence) {
        locked(out -> {
            DramaRec rec = dramaRec("control", id);
            if (rec.drama.status() != AuditStatus.UNDER_REVIEW) {
                throw new IllegalStateException("drama " + id + " is " + rec.drama.status() + "; only a drama under review can be approved or rejected");
            }
            Instant now = clock.instant();
            rec.drama = rec.drama.reviewed(outcome, now);
            for (MediaId mid : rec.drama.mediaIds()) {
                MediaRec m = media.get(mid);
                if (m != null && !m.decided) {
                    m.audit = new MediaAuditDetail(outcome, m.audit.createTime(), now,
                            outcome == AuditStatus.APPROVED ? "" : reason, outcome == AuditStatus.APPROVED ? List.of() : evidence);
                }
            }
            rec.audits.put(rec.lastType, rec.drama.auditDetail());
            out.add(new AuditEvent(envelope(AuditEvent.TYPE, now), id, outcome, rec.lastType, rec.drama.auditDetail().createTime(), now));
            return null;
        });
    }

    public void reviewEpisode(MediaId id, AuditStatus outcome, String reason, List<MaterialId> evidence) {
        locked(out -> {
            MediaRec m = mediaRec("control", id);
            if (m.dramaId == null) {
                throw new IllegalStateException("media " + id + " is not an episode of a submitted drama");
            }
            m.audit = new MediaAuditDetail(outcome, m.audit.createTime(), clock.instant(), reason, evidence);
            m.decided = true;
            return null;
        });
    }

    public void setDuration(MediaId id, Duration duration) {
        locked(out -> {
            if (media.containsKey(id)) {
                media.get(id).duration = duration;
            } else {
                presetDurations.put(id, duration);
            }
            return null;
        });
    }

    public void failNextPullTasks(int times, int errcode, String errmsg) {
        locked(out -> {
            for (int i = 0; i < times; i++) {
                pullFailures.add(new PullFailure(errcode, errmsg));
            }
            return null;
        });
    }

    public Playback play(String url, String clientIp, String referer, long bytes, boolean playerDirected) {
        return locked(out -> {
            int at = url.indexOf("/play/");
            String token = at < 0 ? "" : url.substring(at + 6).replaceAll("[.?].*$", "");
            LinkRec l = links.get(token);
            if (l == null) {
                return Playback.refused("unknown-link");
            }
            MediaRec m = media.get(l.mediaId);
            if (m == null) {
                return Playback.refused("media-deleted");
            }
            Instant now = clock.instant();
            if (!now.isBefore(l.expiry)) {
                return Playback.refused("expired");
            }
            if (m.replacedAt != null && !m.stillPlayable(now)) {
                return Playback.refused("replaced");
            }
            String ref = referer.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
            if (!l.whref.isEmpty() && l.whref.stream().noneMatch(d -> refererMatches(d, ref))) {
                return Playback.refused("whref");
            }
            if (l.bkref.stream().anyMatch(d -> refererMatches(d, ref))) {
                return Playback.refused("bkref");
            }
            if (l.rlimit > 0 && !l.ips.contains(clientIp) && l.ips.size() >= l.rlimit) {
                return Playback.refused("rlimit");
            }
            l.ips.add(clientIp);
            long served = Math.min(bytes, m.size);
            long seconds = m.duration().toSeconds();
            if (l.preview > 0 && seconds > 0 && l.preview < seconds) {
                served = Math.min(served, m.size * l.preview / seconds);
            }
            traffic.add(new Traffic(now, served, url.contains(".m3u8") ? HLS_DOMAIN : MP4_DOMAIN, playerDirected));
            return Playback.served(served);
        });
    }

    /** prefix match on the referer without scheme; {@code *.abc.com} matches any sub-domain. */
    private static boolean refererMatches(String domain, String refererWithoutScheme) {
        if (refererWithoutScheme.isEmpty()) {
            return false;
        }
        String lower = refererWithoutScheme.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.startsWith("*.")) {
            String host = lower.split("[/:]", 2)[0];
            return host.endsWith(d.substring(1));
        }
        return lower.startsWith(d);
    }

    public Optional<StoredMedia> storedMedia(MediaId id) {
        return locked(out -> Optional.ofNullable(media.get(id))
                .map(m -> new StoredMedia(m.id, m.size, m.sha256, m.duration(), m.coverSize, m.coverSha256, m.content != null)));
    }

    public Optional<byte[]> content(MediaId id) {
        return locked(out -> Optional.ofNullable(media.get(id)).map(m -> m.content).map(byte[]::clone));
    }

    public int expeditesRemaining() {
        return locked(out -> quota.remaining(clock.instant()));
    }

    public void onUploadEvent(Consumer<UploadEvent> listener) {
        uploadListeners.add(listener);
    }

    public void onAuditEvent(Consumer<AuditEvent> listener) {
        auditListeners.add(listener);
    }

    public List<PushEvent> pushedEvents() {
        return List.copyOf(eventLog);
    }

    /** Processes work that has come due (pull tasks finishing) and delivers its events. */
    public void tick() {
        locked(out -> null);
    }

    /** Forgets every upload, media, drama, task, link, traffic record and event; listeners stay. */
    public void reset() {
        locked(out -> {
            uploads.values().forEach(Upload::release);
            uploads.clear();
            media.clear();
            dramas.clear();
            tasks.clear();
            links.clear();
            traffic.clear();
            pullFailures.clear();
            presetDurations.clear();
            quota = ExpediteQuota.fresh(clock.instant());
            packages.clear();
            grants.clear();
            eventLog.clear();
            return null;
        });
    }

    /** The fake's clock. */
    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- plumbing

    private <T> T locked(Function<List<PushEvent>, T> body) {
        List<PushEvent> out = new ArrayList<>(0);
        T result;
        synchronized (lock) {
            due(out);
            result = body.apply(out);
        }
        for (PushEvent e : out) {
            eventLog.add(e);
            if (e instanceof UploadEvent u) {
                uploadListeners.forEach(l -> l.accept(u));
            } else if (e instanceof AuditEvent a) {
                auditListeners.forEach(l -> l.accept(a));
            }
        }
        return result;
    }

    private void due(List<PushEvent> out) {
        Instant now = clock.instant();
        long wallNow = settings.wallTicker().getAsLong();
        // Durations past ~292 years do not fit in nanoseconds: they mean never.
        long abandonNanos = settings.abandonedUploadTtl().compareTo(Duration.ofDays(100_000)) > 0 ? Long.MAX_VALUE
                : settings.abandonedUploadTtl().toNanos();
        uploads.values().removeIf(u -> {
            // Expired by the fake's clock, or abandoned by the wall clock (the fake's clock may never move).
            boolean gone = !now.isBefore(u.created.plus(UPLOAD_TTL)) || wallNow - u.touched >= abandonNanos;
            if (gone) {
                u.release();
            }
            return gone;
        });
        for (TaskRec t : tasks.values()) {
            if (t.finalStatus == null && !now.isBefore(t.finishAt)) {
                finish(t, out);
            }
        }
    }

    private void finish(TaskRec t, List<PushEvent> out) {
        Instant at = t.finishAt;
        if (t.failure != null) {
            t.finalStatus = TaskStatus.FAILED;
            out.add(new UploadEvent(envelope(UploadEvent.TYPE, at), 0, t.request.sourceContext(), t.failure.errcode, t.failure.errmsg));
            return;
        }
        MediaId id = new MediaId(nextId.getAndIncrement());
        long size = settings.pulledMediaSize();
        media.put(id, new MediaRec(id, t.request.name().wire(), at, size, pulledSha256(size), null, 0, "",
                t.request.sourceContext()));
        t.finalStatus = TaskStatus.DONE;
        t.mediaId = id.value();
        out.add(new UploadEvent(envelope(UploadEvent.TYPE, at), id.value(), t.request.sourceContext(), 0, "ok"));
    }

    /** SHA-256 of {@code size} zero bytes (what a pulled media "is"), computed once and without allocating the size. */
    private String pulledSha256(long size) {
        String sha = pulledMediaSha256;
        if (sha == null) {
            MessageDigest d = Digests.of("SHA-256");
            byte[] zeros = new byte[64 * 1024];
            for (long left = size; left > 0; left -= zeros.length) {
                d.update(zeros, 0, (int) Math.min(zeros.length, left));
            }
            sha = HexFormat.of().formatHex(d.digest());
            pulledMediaSha256 = sha;
        }
        return sha;
    }

    private PushEvent.Envelope envelope(String type, Instant at) {
        return new PushEvent.Envelope(settings.originalId(), FROM_USER, at, "event", type);
    }

    private MediaRec mediaRec(String op, MediaId id) {
        MediaRec m = media.get(id);
        if (m == null) {
            throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "media " + id + " does not exist");
        }
        return m;
    }

    private DramaRec dramaRec(String op, DramaId id) {
        DramaRec d = dramas.get(id);
        if (d == null) {
            throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "drama " + id + " does not exist");
        }
        return d;
    }

    private Media toMedia(MediaRec m) {
        Media.Builder b = Media.builder(m.id)
                .createTime(m.created)
                .fileSize(m.size)
                .duration(m.duration())
                .name(m.name)
                .coverUrl(url("cover", m.id))
                .originalUrl(url("original", m.id))
                .mp4Url(url("mp4", m.id))
                .hlsUrl(url("hls", m.id))
                .auditDetail(m.audit);
        if (m.dramaId != null) {
            b.dramaId(m.dramaId);
        }
        return b.build();
    }

    private String url(String kind, MediaId id) {
        return settings.urlBase() + "/" + kind + "/" + id + "?expires=" + clock.instant().plus(Duration.ofHours(2)).getEpochSecond();
    }

    static PlatformException error(String op, ErrorCode code, String message) {
        return new PlatformException(op, code.code(), message, PlatformException.NO_HTTP_STATUS);
    }

    private Duration derivedDuration(long size) {
        long mbs = Math.max(1, (size + UploadLimits.MB - 1) / UploadLimits.MB);
        return settings.durationPerMb().multipliedBy(mbs);
    }

    // ---------------------------------------------------------------- records

    private final class Upload {
        final ApplyUpload request;
        final Instant created;
        final PartChain video = new PartChain(settings.keepContentUpTo(), partBytesInMemory, settings.partMemoryBudget(), partBuffers);
        final PartChain cover = new PartChain(-1, partBytesInMemory, settings.partMemoryBudget(), partBuffers);
        /** The wall-clock ticker's reading at the last {@code applyupload} or {@code uploadpart}. */
        volatile long touched;

        Upload(ApplyUpload request, Instant created, long touched) {
            this.request = request;
            this.created = created;
            this.touched = touched;
        }

        void touch(long now) {
            touched = now;
        }

        void release() {
            video.release();
            cover.release();
        }
    }

    private final class MediaRec {
        final MediaId id;
        final String name;
        final Instant created;
        final long size;
        final String sha256;
        final byte[] content;
        final long coverSize;
        final String coverSha256;
        final String sourceContext;
        Duration duration;
        DramaId dramaId;
        MediaAuditDetail audit = MediaAuditDetail.none();
        boolean decided;
        /** The drama whose pending replacement this media is the new episode of. */
        DramaId reservedBy;
        /** The drama this media was an episode of until a replacement took its place. */
        DramaId formerDrama;
        Instant replacedAt;

        MediaRec(MediaId id, String name, Instant created, long size, String sha256, byte[] content, long coverSize,
                 String coverSha256, String sourceContext) {
            this.id = id;
            this.name = name;
            this.created = created;
            this.size = size;
            this.sha256 = sha256;
            this.content = content;
            this.coverSize = coverSize;
            this.coverSha256 = coverSha256;
            this.sourceContext = sourceContext;
            Duration preset = presetDurations.remove(id);
            this.duration = preset != null ? preset : derivedDuration(size);
        }

        Duration duration() {
            return duration;
        }

        /** Whether a replaced episode's links still work (7 days after the replacement). */
        boolean stillPlayable(Instant now) {
            return replacedAt != null && now.isBefore(replacedAt.plus(OLD_LINKS_KEEP_WORKING));
        }
    }

    private static final class DramaRec {
        Drama drama;
        AuditType lastType;
        boolean copyrightProtected;
        boolean qualificationChanged;
        final Map<AuditType, DramaAuditDetail> audits = new EnumMap<>(AuditType.class);

        DramaRec(Drama drama, AuditType lastType) {
            this.drama = drama;
            this.lastType = lastType;
        }
    }

    private record PullFailure(int errcode, String errmsg) {
    }

    private static final class TaskRec {
        final TaskId id;
        final PullUpload request;
        final Instant created;
        final Instant processingAt;
        final Instant finishAt;
        final PullFailure failure;
        TaskStatus finalStatus;
        long mediaId;

        TaskRec(TaskId id, PullUpload request, Instant created, Instant processingAt, Instant finishAt, PullFailure failure) {
            this.id = id;
            this.request = request;
            this.created = created;
            this.processingAt = processingAt;
            this.finishAt = finishAt;
            this.failure = failure;
        }

        Task toTask(Instant now) {
            TaskStatus status = finalStatus != null ? finalStatus
                    : now.isBefore(processingAt) ? TaskStatus.WAITING : TaskStatus.PROCESSING;
            boolean failed = status == TaskStatus.FAILED;
            return new Task(id, Task.PULL_UPLOAD, status, failed ? failure.errcode : 0, failed ? failure.errmsg : "",
                    created, finalStatus == null ? Instant.EPOCH : finishAt, mediaId);
        }
    }

    private static final class LinkRec {
        final MediaId mediaId;
        final Instant expiry;
        final int rlimit;
        final List<String> whref;
        final List<String> bkref;
        final int preview;
        final Set<String> ips = new HashSet<>();

        LinkRec(MediaId mediaId, Instant expiry, int rlimit, List<String> whref, List<String> bkref, int preview) {
            this.mediaId = mediaId;
            this.expiry = expiry;
            this.rlimit = rlimit;
            this.whref = whref;
            this.bkref = bkref;
            this.preview = preview;
        }
    }

    /**
     * Bytes served at a time by a serving domain, through the drama player (directed) or not.
     */
    record Traffic(Instant at, long bytes, String domain, boolean playerDirected) {
        boolean counts(CdnQueryType type) {
            return switch (type) {
                case ALL -> true;
                case PLAYER_DIRECTED -> playerDirected;
                case GENERAL -> !playerDirected;
            };
        }
    }
}
