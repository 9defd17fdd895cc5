package io.minidrama.port;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.Etag;
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

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link MiniDramaPlatform} that forwards every call to {@link #delegate()}: extend it and
 * override only the methods you decorate (metrics, logging, a cache), instead of writing every
 * delegating method by hand. A method added to the port is forwarded here too, so a decorator
 * keeps compiling and keeps working.
 *
 * <pre>{@code
 * MiniDramaPlatform counted = new ForwardingMiniDramaPlatform() {
 *     protected MiniDramaPlatform delegate() {
 *         return platform;
 *     }
 *
 *     public MediaId commitUpload(CommitUpload request) {
 *         commits.increment();
 *         return super.commitUpload(request);
 *     }
 * };
 * }</pre>
 *
 * <p>Every method passes its call through {@link #intercept(PlatformOperation, Supplier)}, so one
 * override decorates every operation (retries, metrics, logging) with the operation's name:
 *
 * <pre>{@code
 * MiniDramaPlatform timed = new ForwardingMiniDramaPlatform() {
 *     protected MiniDramaPlatform delegate() {
 *         return platform;
 *     }
 *
 *     protected <T> T intercept(PlatformOperation op, Supplier<T> call) {
 *         long started = System.nanoTime();
 *         try {
 *             return call.get();
 *         } finally {
 *             timer(op.wireName()).record(System.nanoTime() - started);
 *         }
 *     }
 * };
 * }</pre>
 *
 * <p>Unless a subclass overrides them, every method returns what the delegate returns and lets
 * whatever it throws pass unchanged.
 */
public abstract class ForwardingMiniDramaPlatform implements MiniDramaPlatform {

    /** For subclasses. */
    protected ForwardingMiniDramaPlatform() {
    }

    /** The platform every call is forwarded to; called once each time a call is {@linkplain #intercept made}. */
    protected abstract MiniDramaPlatform delegate();

    /**
     * Runs one call of {@code op} to the delegate; every method of this class goes through here
     * (methods without a result return {@code null} from {@code call}). This implementation returns
     * {@code call.get()}. An override MAY run {@code call} more than once (a retry), time it, or
     * not run it at all (throwing instead); it MUST return what a run of {@code call} returned or
     * throw, and it SHOULD let the delegate's exceptions pass unchanged.
     *
     * @param op   the operation the call performs
     * @param call forwards the call to {@link #delegate()}; each run is a new call
     * @param <T>  the call's result type ({@code Void} for methods without a result)
     * @return what {@code call} returned
     */
    protected <T> T intercept(PlatformOperation op, Supplier<T> call) {
        return call.get();
    }

    // --------------------------------------------- MediaUploadPort

    @Override
    public MediaId uploadSingle(SingleFileUpload request) {
        return intercept(PlatformOperation.SINGLE_FILE_UPLOAD, () -> delegate().uploadSingle(request));
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        return intercept(PlatformOperation.APPLY_UPLOAD, () -> delegate().applyUpload(request));
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        return intercept(PlatformOperation.UPLOAD_PART, () -> delegate().uploadPart(request));
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        return intercept(PlatformOperation.COMMIT_UPLOAD, () -> delegate().commitUpload(request));
    }

    // ---------------------------------------------- PullUploadPort

    @Override
    public TaskId pullUpload(PullUpload request) {
        return intercept(PlatformOperation.PULL_UPLOAD, () -> delegate().pullUpload(request));
    }

    @Override
    public Task getTask(TaskId taskId) {
        return intercept(PlatformOperation.GET_TASK, () -> delegate().getTask(taskId));
    }

    // -------------------------------------------- MediaCatalogPort

    @Override
    public List<Media> listMedia(MediaQuery query) {
        return intercept(PlatformOperation.LIST_MEDIA, () -> delegate().listMedia(query));
    }

    @Override
    public Media getMedia(MediaId mediaId) {
        return intercept(PlatformOperation.GET_MEDIA, () -> delegate().getMedia(mediaId));
    }

    @Override
    public PlayLink getPlayLink(PlayLinkRequest request) {
        return intercept(PlatformOperation.GET_MEDIA_LINK, () -> delegate().getPlayLink(request));
    }

    @Override
    public void deleteMedia(MediaId mediaId) {
        intercept(PlatformOperation.DELETE_MEDIA, () -> {
            delegate().deleteMedia(mediaId);
            return null;
        });
    }

    // ---------------------------------------------- DramaAuditPort

    @Override
    public DramaId submit(DramaSubmission submission) {
        return intercept(PlatformOperation.AUDIT_DRAMA, () -> delegate().submit(submission));
    }

    @Override
    public List<Drama> listDramas(PageRequest page) {
        return intercept(PlatformOperation.LIST_DRAMAS, () -> delegate().listDramas(page));
    }

    @Override
    public Drama getDrama(DramaId dramaId) {
        return intercept(PlatformOperation.GET_DRAMA, () -> delegate().getDrama(dramaId));
    }

    // ----------------------------------------------------- CdnPort

    @Override
    public CdnUsage getCdnUsage(CdnUsageQuery query) {
        return intercept(PlatformOperation.GET_CDN_USAGE_DATA, () -> delegate().getCdnUsage(query));
    }

    // ---------------------------------------- DramaMaintenancePort

    @Override
    public void submitReplacement(ReplacementRequest request) {
        intercept(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS, () -> {
            delegate().submitReplacement(request);
            return null;
        });
    }

    @Override
    public void applyReplacement(ReplacementApplication request) {
        intercept(PlatformOperation.REPLACE_DRAMA_MEDIA, () -> {
            delegate().applyReplacement(request);
            return null;
        });
    }

    @Override
    public void modifyInfo(DramaInfoChange change) {
        intercept(PlatformOperation.MODIFY_DRAMA_BASIC_INFO, () -> {
            delegate().modifyInfo(change);
            return null;
        });
    }

    // -------------------------------------- DramaAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeDramas(DramaAuthorization request) {
        return intercept(PlatformOperation.AUTHORIZE_DRAMA, () -> delegate().authorizeDramas(request));
    }

    @Override
    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization request) {
        return intercept(PlatformOperation.DEAUTHORIZE_DRAMA, () -> delegate().deauthorizeDramas(request));
    }

    @Override
    public DramaGrants grantedDramas(GrantedDramasQuery query) {
        return intercept(PlatformOperation.GET_AUTHORIZE_OBJECTS, () -> delegate().grantedDramas(query));
    }

    @Override
    public DramaGrants receivedDramas(ReceivedDramasQuery query) {
        return intercept(PlatformOperation.GET_AUTHORIZED_OBJECTS, () -> delegate().receivedDramas(query));
    }

    @Override
    public void authorizeApp(AppAuthorization request) {
        intercept(PlatformOperation.AUTHORIZE_APP, () -> {
            delegate().authorizeApp(request);
            return null;
        });
    }

    @Override
    public void deauthorizeApp(AppId authorizedAppId) {
        intercept(PlatformOperation.DEAUTHORIZE_APP, () -> {
            delegate().deauthorizeApp(authorizedAppId);
            return null;
        });
    }

    @Override
    public List<AppGrant> authorizedApps() {
        return intercept(PlatformOperation.GET_AUTHORIZE_APPS, () -> delegate().authorizedApps());
    }

    @Override
    public List<ReceivedAppGrant> receivedApps() {
        return intercept(PlatformOperation.GET_AUTHORIZED_APPS, () -> delegate().receivedApps());
    }

    // ---------------------------------- CopyrightAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization request) {
        return intercept(PlatformOperation.AUTHORIZE_COPYRIGHT, () -> delegate().authorizeCopyright(request));
    }

    @Override
    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization request) {
        return intercept(PlatformOperation.DEAUTHORIZE_COPYRIGHT, () -> delegate().deauthorizeCopyright(request));
    }

    @Override
    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery query) {
        return intercept(PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST, () -> delegate().grantedCopyrights(query));
    }

    @Override
    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery query) {
        return intercept(PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST, () -> delegate().receivedCopyrights(query));
    }

    // ------------------------- typed operations (DramaPlayerPort, TrafficPackagePort, ...)

    /**
     * Forwards one typed operation: through {@link #intercept} to the delegate's typed method of
     * {@code operation} (so a decorator further down that overrides, say,
     * {@code finderEvents(..)} is still called). The typed methods of {@link DramaPlayerPort}
     * and {@link TrafficPackagePort} are not overridden here: their defaults call this method, and an override of one of them in
     * a subclass decorates it as before.
     */
    @Override
    public <Q, R> R execute(Operation<Q, R> operation, Q request) {
        Objects.requireNonNull(operation, "operation");
        return intercept(operation, () -> operation.callTypedMethod(delegate(), request));
    }
}
