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
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaSubmission;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fake platform: one entry point over its capabilities, each in its own class sharing one
 * {@link Core} (the state, its one lock, and the work that comes due with time):
 * <ul>
 *   <li>{@link Uploads}: single, pulled and chunked uploads;</li>
 *   <li>{@link Catalog}: media and play links; {@link Audits}: dramas and their audits;</li>
 *   <li>{@link Maintenance}: replacement, information change, latest audit;</li>
 *   <li>{@link Authorizations}: drama, app and copyright authorizations;</li>
 *   <li>{@link Packages}: traffic packages; {@link Cdn}: serving, usage and logs.</li>
 * </ul>
 * Every call runs under the core's one lock, so a change spanning capabilities stays atomic;
 * push events are delivered after the lock is released, so a listener may call back into the fake.
 */
public final class Engine {
    private final Core core;
    private final Uploads uploads;
    private final Catalog catalog;
    private final Audits audits;
    private final Maintenance maintenance;
    private final Authorizations authorizations;
    private final Packages packages;
    private final Cdn cdn;

    public Engine(Settings settings) {
        this.core = new Core(settings);
        this.uploads = new Uploads(core);
        this.catalog = new Catalog(core);
        this.audits = new Audits(core);
        this.maintenance = new Maintenance(core);
        this.authorizations = new Authorizations(core);
        this.packages = new Packages(core);
        this.cdn = new Cdn(core);
    }

    // ---------------------------------------------------------------- uploads

    public MediaId uploadSingle(SingleFileUpload r) {
        return uploads.uploadSingle(r);
    }

    public UploadId applyUpload(ApplyUpload r) {
        return uploads.applyUpload(r);
    }

    public Etag uploadPart(PartUpload p) {
        return uploads.uploadPart(p);
    }

    public MediaId commitUpload(CommitUpload c) {
        return uploads.commitUpload(c);
    }

    /** Bytes of uploaded parts the fake holds in memory now (uploads not committed yet). */
    public long partBytesInMemory() {
        return uploads.partBytesInMemory();
    }

    public TaskId pullUpload(PullUpload r) {
        return uploads.pullUpload(r);
    }

    public Task getTask(TaskId id) {
        return uploads.getTask(id);
    }

    public void failNextPullTasks(int times, int errcode, String errmsg) {
        uploads.failNextPullTasks(times, errcode, errmsg);
    }

    // ---------------------------------------------------------------- catalog

    public List<Media> listMedia(MediaQuery q) {
        return catalog.listMedia(q);
    }

    public Media getMedia(MediaId id) {
        return catalog.getMedia(id);
    }

    public void deleteMedia(MediaId id) {
        catalog.deleteMedia(id);
    }

    public PlayLink getPlayLink(PlayLinkRequest r) {
        return catalog.getPlayLink(r);
    }

    public void setDuration(MediaId id, Duration duration) {
        catalog.setDuration(id, duration);
    }

    public Optional<StoredMedia> storedMedia(MediaId id) {
        return catalog.storedMedia(id);
    }

    public Optional<byte[]> content(MediaId id) {
        return catalog.content(id);
    }

    // ---------------------------------------------------------------- dramas and audits

    public DramaId submit(DramaSubmission s) {
        return audits.submit(s);
    }

    public List<Drama> listDramas(PageRequest page) {
        return audits.listDramas(page);
    }

    public Drama getDrama(DramaId id) {
        return audits.getDrama(id);
    }

    public int expeditesRemaining() {
        return audits.expeditesRemaining();
    }

    public void approveDrama(DramaId id) {
        audits.review(id, AuditStatus.APPROVED, "", List.of());
    }

    public void rejectDrama(DramaId id, AuditStatus outcome, String reason, List<MaterialId> evidence) {
        audits.review(id, outcome, reason, evidence);
    }

    public void reviewEpisode(MediaId id, AuditStatus outcome, String reason, List<MaterialId> evidence) {
        audits.reviewEpisode(id, outcome, reason, evidence);
    }

    // ---------------------------------------------------------------- maintenance (API.md §7)

    public void submitReplacement(ReplacementRequest r) {
        maintenance.submitReplacement(r);
    }

    public void applyReplacement(ReplacementApplication a) {
        maintenance.applyReplacement(a);
    }

    public void modifyInfo(DramaInfoChange c) {
        maintenance.modifyInfo(c);
    }

    public void reviewReplacement(DramaId id, AuditStatus outcome, String reason) {
        maintenance.reviewReplacement(id, outcome, reason);
    }

    public void reviewInfoChange(DramaId id, AuditStatus outcome) {
        maintenance.reviewInfoChange(id, outcome);
    }

    // ---------------------------------------------------------------- traffic packages

    /** Registers the behaviour of the typed operations the engine answers ({@code listpackages}, {@code getdramalatestauditinfo}, {@code getcdnlogs}). */
    public void register(Handlers handlers) {
        packages.register(handlers);
        maintenance.register(handlers);
        cdn.register(handlers);
    }

    public String addPackage(long totalMb, Instant start, Instant end, boolean directed) {
        return packages.addPackage(totalMb, start, end, directed);
    }

    public void setPackageUsed(String packageId, long usedMb) {
        packages.setPackageUsed(packageId, usedMb);
    }

    // ---------------------------------------------------------------- authorizations

    public List<AuthorizationResult> authorizeDramas(DramaAuthorization r) {
        return authorizations.authorizeDramas(r);
    }

    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization r) {
        return authorizations.deauthorizeDramas(r);
    }

    public DramaGrants grantedDramas(GrantedDramasQuery q) {
        return authorizations.grantedDramas(q);
    }

    public DramaGrants receivedDramas(ReceivedDramasQuery q) {
        return authorizations.receivedDramas(q);
    }

    public void authorizeApp(AppAuthorization r) {
        authorizations.authorizeApp(r);
    }

    public void deauthorizeApp(AppId grantee) {
        authorizations.deauthorizeApp(grantee);
    }

    public List<AppGrant> authorizedApps() {
        return authorizations.authorizedApps();
    }

    public List<ReceivedAppGrant> receivedApps() {
        return authorizations.receivedApps();
    }

    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization r) {
        return authorizations.authorizeCopyright(r);
    }

    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization r) {
        return authorizations.deauthorizeCopyright(r);
    }

    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery q) {
        return authorizations.grantedCopyrights(q);
    }

    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery q) {
        return authorizations.receivedCopyrights(q);
    }

    public void lacksCategory(AppId appId) {
        authorizations.lacksCategory(appId);
    }

    public void receiveDramaGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        authorizations.receiveDramaGrant(authorizer, drama, expiry);
    }

    public void receiveAppGrant(AppId authorizer, Expiry expiry) {
        authorizations.receiveAppGrant(authorizer, expiry);
    }

    public void receiveCopyrightGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        authorizations.receiveCopyrightGrant(authorizer, drama, expiry);
    }

    /** Whether the drama's first submission (or an approved info change) applied for copyright protection. */
    public boolean appliedForCopyrightProtection(DramaId id) {
        return authorizations.appliedForCopyrightProtection(id);
    }

    // ---------------------------------------------------------------- CDN

    public Playback play(String url, String clientIp, String referer, long bytes, boolean playerDirected) {
        return cdn.play(url, clientIp, referer, bytes, playerDirected);
    }

    public CdnUsage getCdnUsage(CdnUsageQuery q) {
        return cdn.getCdnUsage(q);
    }

    /** One file per hour and serving domain with traffic of the asked type, once the hour is over. */
    // ---------------------------------------------------------------- events, time, reset

    public void onUploadEvent(Consumer<UploadEvent> listener) {
        core.uploadListeners.add(listener);
    }

    public void onAuditEvent(Consumer<AuditEvent> listener) {
        core.auditListeners.add(listener);
    }

    public List<PushEvent> pushedEvents() {
        return List.copyOf(core.eventLog);
    }

    /** Processes work that has come due (pull tasks finishing) and delivers its events. */
    public void tick() {
        core.locked(out -> null);
    }

    /** Forgets every upload, media, drama, task, link, traffic record and event; listeners stay. */
    public void reset() {
        core.reset();
    }

    /** The fake's clock. */
    public Clock clock() {
        return core.clock;
    }
}
