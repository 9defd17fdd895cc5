package io.minidrama.protocol.internal;

import io.minidrama.protocol.internal.dto.Wire;
import io.minidrama.domain.AppId;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrant;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrantee;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.DramaGrant;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaSubmission;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaAuditDetail;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain values to request DTOs and response DTOs to domain values. Response mapping is tolerant:
 * absent texts become empty strings, absent times {@link Instant#EPOCH}, absent lists empty.
 */
public final class Mapping {

    private Mapping() {
    }

    // ------------------------------------------------------------------ requests

    public static Wire.PullUploadRequest pullUpload(PullUpload r) {
        Wire.PullUploadRequest d = new Wire.PullUploadRequest();
        d.mediaName = r.name().wire();
        d.mediaUrl = r.mediaUrl().toString();
        d.coverUrl = r.coverUrl().map(Object::toString).orElse(null);
        d.sourceContext = emptyToNull(r.sourceContext());
        return d;
    }

    public static Wire.TaskRequest task(TaskId id) {
        Wire.TaskRequest d = new Wire.TaskRequest();
        d.taskId = id.value();
        return d;
    }

    public static Wire.ApplyUploadRequest applyUpload(ApplyUpload r) {
        Wire.ApplyUploadRequest d = new Wire.ApplyUploadRequest();
        d.mediaName = r.name().wire();
        d.mediaType = r.format().wire();
        d.coverType = r.coverFormat().map(f -> f.wire()).orElse(null);
        d.sourceContext = emptyToNull(r.sourceContext());
        return d;
    }

    public static Wire.CommitUploadRequest commitUpload(CommitUpload r) {
        Wire.CommitUploadRequest d = new Wire.CommitUploadRequest();
        d.uploadId = r.uploadId().value();
        d.mediaPartInfos = parts(r.mediaParts());
        d.coverPartInfos = r.hasCover() ? parts(r.coverParts()) : null;
        return d;
    }

    private static List<Wire.PartInfo> parts(List<PartInfo> parts) {
        List<Wire.PartInfo> out = new ArrayList<>(parts.size());
        for (PartInfo p : parts) {
            Wire.PartInfo w = new Wire.PartInfo();
            w.partNumber = p.partNumber();
            w.etag = p.etag().value();
            out.add(w);
        }
        return out;
    }

    public static Wire.ListMediaRequest listMedia(MediaQuery q) {
        Wire.ListMediaRequest d = new Wire.ListMediaRequest();
        d.dramaId = q.dramaId().map(DramaId::value).orElse(null);
        d.mediaName = q.name().orElse(null);
        d.mediaNameFuzzy = q.nameFuzzy().orElse(null);
        q.uploadedWithin().ifPresent(w -> {
            d.startTime = w.startEpochSecond();
            d.endTime = w.endEpochSecond();
        });
        d.limit = q.page().limit();
        d.offset = q.page().offset();
        return d;
    }

    public static Wire.MediaIdRequest mediaId(MediaId id) {
        Wire.MediaIdRequest d = new Wire.MediaIdRequest();
        d.mediaId = id.value();
        return d;
    }

    public static Wire.MediaLinkRequest mediaLink(PlayLinkRequest r) {
        Wire.MediaLinkRequest d = new Wire.MediaLinkRequest();
        d.mediaId = r.mediaId().value();
        d.t = r.expiry().getEpochSecond();
        d.us = r.us().orElse(null);
        d.previewSeconds = r.previewSeconds().isPresent() ? r.previewSeconds().getAsInt() : null;
        d.rlimit = r.rlimit().isPresent() ? r.rlimit().getAsInt() : null;
        d.whref = r.whref().isEmpty() ? null : String.join(",", r.whref());
        d.bkref = r.bkref().isEmpty() ? null : String.join(",", r.bkref());
        return d;
    }

    public static Wire.PageRequest page(PageRequest p) {
        Wire.PageRequest d = new Wire.PageRequest();
        d.limit = p.limit();
        d.offset = p.offset();
        return d;
    }

    public static Wire.DramaIdRequest dramaId(DramaId id) {
        Wire.DramaIdRequest d = new Wire.DramaIdRequest();
        d.dramaId = id.value();
        return d;
    }

    public static Wire.CdnUsageRequest cdnUsage(CdnUsageQuery q) {
        Wire.CdnUsageRequest d = new Wire.CdnUsageRequest();
        d.startTime = q.window().startEpochSecond();
        d.endTime = q.window().endEpochSecond();
        d.dataInterval = q.interval().minutes();
        d.queryType = queryType(q.type());
        return d;
    }

    private static Integer queryType(CdnQueryType type) {
        return type == CdnQueryType.ALL ? null : type.code();
    }

    public static Wire.AuditDramaRequest auditDrama(DramaSubmission s) {
        if (s instanceof FirstSubmission f) {
            return first(f);
        }
        return resubmission((Resubmission) s);
    }

    private static Wire.AuditDramaRequest first(FirstSubmission f) {
        Wire.AuditDramaRequest d = new Wire.AuditDramaRequest();
        d.name = f.name();
        d.mediaCount = f.mediaCount();
        d.mediaIdList = ids(f.mediaIds());
        d.producer = f.producer();
        d.description = f.description();
        d.coverMaterialId = f.coverMaterialId().value();
        qualification(d, f.qualification());
        d.authorizedMaterialId = f.authorizedMaterialId().map(MaterialId::value).orElse(null);
        d.expedited = f.expedited() ? 1 : 0;
        d.recommendations = emptyToNull(f.recommendations());
        d.promotionPosterMaterialId = f.promotionPosterMaterialId().map(MaterialId::value).orElse(null);
        d.dramaType = f.dramaType().map(t -> t.code()).orElse(null);
        d.actorList = f.actors().isEmpty() ? null : actorList(f.actors());
        d.copyright = f.copyright().map(Mapping::copyright).orElse(null);
        d.contentDeclared = f.containsAiContent() ? 1 : null;
        d.otherMaterialMaterialId = f.otherMaterialId().map(MaterialId::value).orElse(null);
        d.aiSoftwareOwnershipProof = f.aiSoftwareOwnershipProof().map(MaterialId::value).orElse(null);
        d.otherPlatformPublicationProof = f.otherPlatformPublicationProof().isEmpty() ? null : materials(f.otherPlatformPublicationProof());
        return d;
    }

    private static Wire.ActorList actorList(List<Actor> actors) {
        Wire.ActorList list = new Wire.ActorList();
        list.actor = new ArrayList<>();
        for (Actor a : actors) {
            Wire.Actor w = new Wire.Actor();
            w.name = a.name();
            w.photoMaterialId = a.photoMaterialId().value();
            w.role = a.role();
            w.profile = a.profile();
            list.actor.add(w);
        }
        return list;
    }

    private static Wire.AuditDramaRequest resubmission(Resubmission r) {
        Wire.AuditDramaRequest d = new Wire.AuditDramaRequest();
        d.dramaId = r.dramaId().value();
        d.name = r.name().orElse(null);
        d.mediaCount = r.mediaCount().isPresent() ? r.mediaCount().getAsInt() : null;
        d.mediaIdList = r.mediaIds().isEmpty() ? null : ids(r.mediaIds());
        d.producer = r.producer().orElse(null);
        d.description = r.description().orElse(null);
        d.coverMaterialId = r.coverMaterialId().map(MaterialId::value).orElse(null);
        r.qualification().ifPresent(q -> qualification(d, q));
        d.authorizedMaterialId = r.authorizedMaterialId().map(MaterialId::value).orElse(null);
        d.replaceMediaList = r.replacements().isEmpty() ? null : replacements(r.replacements());
        return d;
    }

    private static List<Wire.Replacement> replacements(List<MediaReplacement> reps) {
        List<Wire.Replacement> out = new ArrayList<>(reps.size());
        for (MediaReplacement m : reps) {
            Wire.Replacement w = new Wire.Replacement();
            w.old = m.oldMedia().value();
            w.replacement = m.newMedia().value();
            out.add(w);
        }
        return out;
    }

    private static void qualification(Wire.AuditDramaRequest d, Qualification q) {
        if (q instanceof Qualification.RegistrationNumber r) {
            d.registrationNumber = r.number();
        } else if (q instanceof Qualification.PublishLicense p) {
            d.publishLicense = p.number();
            d.publishLicenseMaterialId = p.materialId().value();
        } else if (q instanceof Qualification.Licensed l) {
            d.qualificationType = 1;
            d.registrationNumber = l.registrationNumber();
            d.qualificationCertificateMaterialId = l.certificateMaterialId().value();
        } else if (q instanceof Qualification.LowCost c) {
            d.qualificationType = 2;
            d.costOfProduction = c.costOfProduction();
            d.costCommitmentLetterMaterialId = c.commitmentLetterMaterialId().value();
        } else {
            throw new IllegalArgumentException("unknown qualification " + q.getClass().getName());
        }
    }

    private static Wire.Copyright copyright(Copyright c) {
        Wire.Copyright d = new Wire.Copyright();
        d.copyrightRole = c.role().code();
        d.applyForCopyrightProtection = c.applyForProtection() ? 1 : 0;
        d.copyrightVerification = c.verification().map(Copyright.Verification::wire).orElse(null);
        d.proofOfProduction = c.proofOfProduction().isEmpty() ? null : materials(c.proofOfProduction());
        d.purchaseOrBroadcastAuthorizationCertificate = c.broadcastAuthorizationCertificates().isEmpty() ? null
                : materials(c.broadcastAuthorizationCertificates());
        return d;
    }

    private static List<String> materials(List<MaterialId> ids) {
        return ids.stream().map(MaterialId::value).toList();
    }

    private static List<Long> ids(List<MediaId> ids) {
        return ids.stream().map(MediaId::value).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ------------------------------------------------------------------ requests beyond the seeds (API.md §7)

    public static Wire.ReplaceMediasRequest replaceMedias(ReplacementRequest r) {
        Wire.ReplaceMediasRequest d = new Wire.ReplaceMediasRequest();
        d.dramaId = r.dramaId().value();
        d.replaceMediaList = replacements(r.replacements());
        return d;
    }

    public static Wire.ReplaceMediaRequest replaceMedia(ReplacementApplication a) {
        Wire.ReplaceMediaRequest d = new Wire.ReplaceMediaRequest();
        d.dramaId = a.dramaId().value();
        d.oldMediaId = a.oldMedia().value();
        d.newMediaId = a.newMedia().value();
        return d;
    }

    public static Wire.ModifyDramaInfoRequest modifyInfo(DramaInfoChange c) {
        Wire.ModifyDramaInfoRequest d = new Wire.ModifyDramaInfoRequest();
        d.dramaId = c.dramaId().value();
        d.description = c.description().orElse(null);
        d.coverMaterialId = c.coverMaterialId().map(MaterialId::value).orElse(null);
        d.recommendations = c.recommendations().orElse(null);
        d.promotionPosterMaterialId = c.promotionPosterMaterialId().map(MaterialId::value).orElse(null);
        d.alternateName = c.alternateName().orElse(null);
        d.actorList = c.actors().map(Mapping::actorList).orElse(null);
        c.qualification().ifPresent(q -> {
            // DramaInfoChange admits only the current schema.
            if (q instanceof Qualification.Licensed l) {
                d.qualificationType = 1;
                d.registrationNumber = l.registrationNumber();
                d.qualificationCertificateMaterialId = l.certificateMaterialId().value();
            } else if (q instanceof Qualification.LowCost lc) {
                d.qualificationType = 2;
                d.costOfProduction = lc.costOfProduction();
                d.costCommitmentLetterMaterialId = lc.commitmentLetterMaterialId().value();
            } else {
                throw new IllegalArgumentException("modifydramabasicinfo takes a current-schema qualification, got " + q);
            }
        });
        d.otherMaterialMaterialId = c.otherMaterialId().map(MaterialId::value).orElse(null);
        d.producer = c.producer().orElse(null);
        d.copyright = c.copyright().map(Mapping::copyright).orElse(null);
        return d;
    }

    public static Wire.DramaAuthorizationRequest authorizeDramas(DramaAuthorization a) {
        Wire.DramaAuthorizationRequest d = new Wire.DramaAuthorizationRequest();
        d.dramaId = dramaIds(a.dramaIds());
        d.authorizedAppid = a.authorizedAppId().value();
        d.authzExpireTime = a.expiry().epochSecond();
        return d;
    }

    public static Wire.DramaAuthorizationRequest deauthorizeDramas(DramaDeauthorization a) {
        Wire.DramaAuthorizationRequest d = new Wire.DramaAuthorizationRequest();
        d.dramaId = dramaIds(a.dramaIds());
        d.authorizedAppid = a.authorizedAppId().value();
        return d;
    }

    public static Wire.GrantedDramasRequest grantedDramas(GrantedDramasQuery q) {
        Wire.GrantedDramasRequest d = new Wire.GrantedDramasRequest();
        d.dramaId = q.dramaId().map(DramaId::value).orElse(null);
        d.authorizedAppid = q.authorizedAppId().map(AppId::value).orElse(null);
        d.offset = q.page().offset();
        d.limit = q.page().limit();
        return d;
    }

    public static Wire.ReceivedRequest receivedDramas(ReceivedDramasQuery q) {
        return received(q.authorizerAppId(), q.page());
    }

    public static Wire.ReceivedRequest receivedCopyrights(CopyrightReceivedQuery q) {
        return received(q.authorizerAppId(), q.page());
    }

    private static Wire.ReceivedRequest received(java.util.Optional<AppId> authorizer, AuthzPage page) {
        Wire.ReceivedRequest d = new Wire.ReceivedRequest();
        d.authorizerAppid = authorizer.map(AppId::value).orElse(null);
        d.offset = page.offset();
        d.limit = page.limit();
        return d;
    }

    public static Wire.AppAuthorizationRequest authorizeApp(AppAuthorization a) {
        Wire.AppAuthorizationRequest d = new Wire.AppAuthorizationRequest();
        d.authorizedAppid = a.authorizedAppId().value();
        d.authzExpireTime = a.expiry().epochSecond();
        return d;
    }

    public static Wire.AppAuthorizationRequest deauthorizeApp(AppId appId) {
        Wire.AppAuthorizationRequest d = new Wire.AppAuthorizationRequest();
        d.authorizedAppid = appId.value();
        return d;
    }

    public static Wire.CopyrightAuthorizationRequest authorizeCopyright(CopyrightAuthorization a) {
        Wire.CopyrightAuthorizationRequest d = copyrightGrantee(a.grantee());
        d.dramaIds = a.dramaIds().isEmpty() ? null : dramaIds(a.dramaIds());
        d.expireTime = a.expiry().epochSecond();
        return d;
    }

    public static Wire.CopyrightAuthorizationRequest deauthorizeCopyright(CopyrightDeauthorization a) {
        Wire.CopyrightAuthorizationRequest d = copyrightGrantee(a.grantee());
        d.dramaIds = a.dramaIds().isEmpty() ? null : dramaIds(a.dramaIds());
        return d;
    }

    // exactly the identifier the type calls for.
    private static Wire.CopyrightAuthorizationRequest copyrightGrantee(CopyrightGrantee g) {
        Wire.CopyrightAuthorizationRequest d = new Wire.CopyrightAuthorizationRequest();
        d.authorizationType = g.type();
        if (g instanceof CopyrightGrantee.Company c) {
            d.authorizedSubjectCertNo = c.creditCode().value();
        } else if (g instanceof CopyrightGrantee.MiniProgram m) {
            d.authorizedAppid = m.appId().value();
        }
        return d;
    }

    public static Wire.CopyrightGrantsRequest grantedCopyrights(CopyrightGrantQuery q) {
        Wire.CopyrightGrantsRequest d = new Wire.CopyrightGrantsRequest();
        q.grantee().ifPresent(g -> {
            Wire.CopyrightAuthorizationRequest who = copyrightGrantee(g);
            d.authorizationType = who.authorizationType;
            d.authorizedAppid = who.authorizedAppid;
            d.authorizedSubjectCertNo = who.authorizedSubjectCertNo;
        });
        d.dramaId = q.dramaId().map(DramaId::value).orElse(null);
        d.offset = q.page().offset();
        d.limit = q.page().limit();
        return d;
    }

    private static List<Long> dramaIds(List<DramaId> ids) {
        return ids.stream().map(DramaId::value).toList();
    }

    // ------------------------------------------------------------------ responses beyond the seeds (API.md §7)

    /** Per-drama outcomes; an entry without a drama id names nothing and is left out. */
    public static List<AuthorizationResult> authorizationResults(Wire.AuthorizationResultResponse r) {
        List<AuthorizationResult> out = new ArrayList<>();
        if (r.result != null) {
            for (Wire.AuthorizationResultItem i : r.result) {
                if (i != null && i.dramaId != null && i.dramaId > 0) {
                    out.add(new AuthorizationResult(new DramaId(i.dramaId), i.errcode == null ? 0 : i.errcode.intValue(), text(i.errmsg)));
                }
            }
        }
        return out;
    }

    /**
     * Drama authorisations; {@code grantorView} reads the grantee ({@code authorized_appid}),
     * otherwise the grantor ({@code authorizer_appid}).
     */
    public static DramaGrants dramaGrants(Wire.AuthorizeObjectsResponse r, boolean grantorView) {
        List<DramaGrant> out = new ArrayList<>();
        if (r.objects != null) {
            for (Wire.AuthorizeObject o : r.objects) {
                if (o != null && o.dramaId != null && o.dramaId > 0) {
                    out.add(new DramaGrant(new DramaId(o.dramaId), text(grantorView ? o.authorizedAppid : o.authorizerAppid),
                            time(o.authorizedTime), expiry(o.authzExpireTime)));
                }
            }
        }
        return new DramaGrants(r.totalCount == null ? out.size() : r.totalCount, out);
    }

    public static List<AppGrant> appGrants(Wire.AuthorizeObjectsResponse r) {
        List<AppGrant> out = new ArrayList<>();
        if (r.objects != null) {
            for (Wire.AuthorizeObject o : r.objects) {
                if (o != null) {
                    out.add(new AppGrant(text(o.authorizedAppid), time(o.authorizedTime), expiry(o.authzExpireTime)));
                }
            }
        }
        return out;
    }

    public static List<ReceivedAppGrant> receivedAppGrants(Wire.AuthorizeObjectsResponse r) {
        List<ReceivedAppGrant> out = new ArrayList<>();
        if (r.objects != null) {
            for (Wire.AuthorizeObject o : r.objects) {
                if (o != null) {
                    out.add(new ReceivedAppGrant(text(o.authorizerAppid), time(o.authorizedTime), expiry(o.authzExpireTime)));
                }
            }
        }
        return out;
    }

    public static CopyrightGrants copyrightGrants(Wire.CopyrightListResponse r) {
        List<CopyrightGrant> out = new ArrayList<>();
        if (r.list != null) {
            for (Wire.CopyrightItem i : r.list) {
                if (i != null) {
                    out.add(new CopyrightGrant(text(i.authorizerAppid), i.authorizationType == null ? 0 : i.authorizationType.intValue(),
                            text(i.authorizedAppid), text(i.authorizedSubjectCertNo), i.dramaId == null ? 0 : i.dramaId,
                            time(i.authorizedTime), expiry(i.expireTime)));
                }
            }
        }
        return new CopyrightGrants(r.totalCount == null ? out.size() : r.totalCount, out);
    }

    private static Expiry expiry(Long epochSeconds) {
        return Expiry.ofEpochSecond(epochSeconds == null ? 0 : epochSeconds);
    }

    // ------------------------------------------------------------------ responses

    public static Media media(Wire.MediaInfo m) {
        Media.Builder b = Media.builder(new MediaId(required(m.mediaId, "media_id")))
                .createTime(time(m.createTime))
                .expireTime(time(m.expireTime))
                .fileSize(m.fileSize == null ? 0 : m.fileSize)
                .duration(Duration.ofSeconds(m.duration == null ? 0 : m.duration))
                .name(text(m.name))
                .description(text(m.description))
                .coverUrl(text(m.coverUrl))
                .originalUrl(text(m.originalUrl))
                .mp4Url(text(m.mp4Url))
                .hlsUrl(text(m.hlsUrl))
                .auditDetail(mediaAudit(m.auditDetail));
        if (m.dramaId != null && m.dramaId > 0) {
            b.dramaId(new DramaId(m.dramaId));
        }
        return b.build();
    }

    private static MediaAuditDetail mediaAudit(Wire.MediaAuditDetail a) {
        if (a == null) {
            return MediaAuditDetail.none();
        }
        List<MaterialId> evidence = new ArrayList<>();
        if (a.evidenceMaterialIdList != null) {
            for (String s : a.evidenceMaterialIdList) {
                if (s != null && !s.isBlank()) {
                    evidence.add(new MaterialId(s.strip()));
                }
            }
        }
        return new MediaAuditDetail(status(a.status), time(a.createTime), time(a.auditTime), text(a.reason), evidence);
    }

    public static List<Media> mediaList(List<Wire.MediaInfo> list) {
        return list == null ? List.of() : list.stream().filter(m -> m != null).map(Mapping::media).toList();
    }

    public static PlayLink playLink(Wire.MediaLinkInfo m, MediaId requested) {
        MediaId id = m.mediaId == null || m.mediaId <= 0 ? requested : new MediaId(m.mediaId);
        return new PlayLink(id, Duration.ofSeconds(m.duration == null ? 0 : m.duration), text(m.name),
                text(m.description), text(m.coverUrl), text(m.mp4Url), text(m.hlsUrl));
    }

    public static Task task(Wire.TaskInfo t, TaskId requested) {
        TaskId id = t.id == null || t.id <= 0 ? requested : new TaskId(t.id);
        return new Task(id, t.taskType == null ? Task.PULL_UPLOAD : t.taskType,
                TaskStatus.of(required(t.status == null ? null : t.status.longValue(), "task_info.status").intValue()),
                t.errcode == null ? 0 : t.errcode, text(t.errmsg), time(t.createTime), time(t.finishTime),
                t.mediaId == null ? 0 : t.mediaId);
    }

    public static Drama drama(Wire.DramaInfo d) {
        List<MediaId> ids = new ArrayList<>();
        if (d.mediaList != null) {
            for (Wire.DramaMedia m : d.mediaList) {
                if (m != null && m.mediaId != null) {
                    ids.add(new MediaId(m.mediaId));
                }
            }
        }
        DramaAuditDetail audit = d.auditDetail == null
                ? new DramaAuditDetail(AuditStatus.INVALID, Instant.EPOCH, Instant.EPOCH)
                : new DramaAuditDetail(status(d.auditDetail.status), time(d.auditDetail.createTime), time(d.auditDetail.auditTime));
        return Drama.builder(new DramaId(required(d.dramaId, "drama_id")))
                .name(text(d.name))
                .createTime(time(d.createTime))
                .playwright(text(d.playwright))
                .producer(text(d.producer))
                .productionLicense(text(d.productionLicense))
                .coverUrl(text(d.coverUrl))
                .description(text(d.description))
                .mediaIds(ids)
                .auditDetail(audit)
                .expedited(d.expedited != null && d.expedited == 1)
                .recommendations(text(d.recommendations))
                .build();
    }

    public static List<Drama> dramaList(List<Wire.DramaInfo> list) {
        return list == null ? List.of() : list.stream().filter(d -> d != null).map(Mapping::drama).toList();
    }

    public static CdnUsage cdnUsage(Wire.CdnUsageResponse r, DataInterval asked) {
        DataInterval interval = r.dataInterval == null || r.dataInterval == 0 ? asked : interval(r.dataInterval);
        List<CdnUsage.Point> points = new ArrayList<>();
        if (r.itemList != null) {
            for (Wire.CdnUsageItem i : r.itemList) {
                if (i != null) {
                    points.add(new CdnUsage.Point(time(i.time), i.value == null ? 0 : i.value));
                }
            }
        }
        return new CdnUsage(interval, points);
    }

    private static DataInterval interval(long minutes) {
        if (minutes != 5 && minutes != 60 && minutes != 1440) {
            throw new IllegalArgumentException("data_interval " + minutes + " is none of 5, 60, 1440");
        }
        return DataInterval.ofMinutes((int) minutes);
    }

    private static AuditStatus status(Integer code) {
        if (code == null || code < 0 || code > 4) {
            // An undocumented status must not make the whole response unreadable.
            return AuditStatus.INVALID;
        }
        return AuditStatus.of(code);
    }

    private static Instant time(Long epochSeconds) {
        return epochSeconds == null || epochSeconds <= 0 ? Instant.EPOCH : Instant.ofEpochSecond(epochSeconds);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Long required(Long v, String field) {
        if (v == null) {
            throw new IllegalArgumentException("the response lacks " + field);
        }
        return v;
    }
}
