package io.minidrama.protocol.internal.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import java.util.List;

/**
 * The platform's JSON, field for field (API.md §1-§2, §6.1). Property names follow from the
 * snake_case naming strategy of the shared {@code Jsonb}; {@code null} fields are not sent, and
 * unknown fields received are ignored. Integers that may arrive as strings go through
 * {@link FlexibleLong}.
 */
public final class Wire {
    private Wire() {
    }

    /** errcode / errmsg beside every payload. */
    public static class Envelope {
        public Integer errcode;
        public String errmsg;
    }

    // ---------------------------------------------------------------- token

    public static final class StableTokenRequest {
        public String grantType;
        public String appid;
        public String secret;
        public Boolean forceRefresh;
    }

    public static final class TokenResponse extends Envelope {
        @JsonbTypeDeserializer(StrictString.class)
        public String accessToken;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long expiresIn;
    }

    // ---------------------------------------------------------------- uploads

    public static final class PullUploadRequest {
        public String mediaName;
        public String mediaUrl;
        public String coverUrl;
        public String sourceContext;
    }

    public static final class PullUploadResponse extends Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long taskId;
    }

    public static final class TaskRequest {
        public Long taskId;
    }

    public static final class TaskResponse extends Envelope {
        public TaskInfo taskInfo;
    }

    public static final class TaskInfo {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long id;
        public Integer taskType;
        public Integer status;
        public Integer errcode;
        public String errmsg;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long createTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long finishTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long mediaId;
    }

    public static final class ApplyUploadRequest {
        public String mediaName;
        public String mediaType;
        public String coverType;
        public String sourceContext;
    }

    public static final class ApplyUploadResponse extends Envelope {
        @JsonbTypeDeserializer(StrictString.class)
        public String uploadId;
    }

    public static final class UploadPartResponse extends Envelope {
        @JsonbTypeDeserializer(StrictString.class)
        public String etag;
    }

    public static final class PartInfo {
        public Integer partNumber;
        public String etag;
    }

    public static final class CommitUploadRequest {
        public String uploadId;
        public List<PartInfo> mediaPartInfos;
        public List<PartInfo> coverPartInfos;
    }

    /** Response of singlefileupload and commitupload. */
    public static final class MediaIdResponse extends Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long mediaId;
    }

    // ---------------------------------------------------------------- media

    public static final class ListMediaRequest {
        public Long dramaId;
        /** Exact match. */
        public String mediaName;
        /** Fuzzy match on the name (API.md §9.2); the page no longer documents {@code %} in media_name. */
        public String mediaNameFuzzy;
        public Long startTime;
        public Long endTime;
        public Integer limit;
        public Integer offset;
    }

    public static final class ListMediaResponse extends Envelope {
        public List<MediaInfo> mediaInfoList;
        /** Not in the page's table but sent by the platform (API.md §9.2): read, not required. */
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long totalCount;
    }

    public static final class MediaIdRequest {
        public Long mediaId;
    }

    public static final class GetMediaResponse extends Envelope {
        public MediaInfo mediaInfo;
    }

    public static final class MediaInfo {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long mediaId;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long createTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long expireTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long dramaId;
        @JsonbTypeDeserializer(FlexibleLong.class)
        @JsonbTypeSerializer(NumberAsString.class) // "9849163", as the official example
        public Long fileSize;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long duration;
        public String name;
        public String description;
        public String coverUrl;
        public String originalUrl;
        @JsonbProperty("mp4_url") // the naming strategy would say "mp4url"
        public String mp4Url;
        public String hlsUrl;
        public MediaAuditDetail auditDetail;
    }

    public static final class MediaAuditDetail {
        public Integer status;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long createTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long auditTime;
        public String reason;
        public List<String> evidenceMaterialIdList;
    }

    /**
     * The preview-length field of {@code getmedialink}: {@code exper} in the official request table
     * (API.md §9.1). The seeds and WxJava send {@code expr}, which the platform does not document;
     * nothing public shows which one the server honours, so this is the one place to change.
     */
    public static final String PREVIEW_SECONDS_FIELD = "exper";

    public static final class MediaLinkRequest {
        public Long mediaId;
        public Long t;
        public String us;
        @JsonbProperty(PREVIEW_SECONDS_FIELD)
        public Integer previewSeconds;
        public Integer rlimit;
        public String whref;
        public String bkref;
    }

    public static final class MediaLinkResponse extends Envelope {
        public MediaLinkInfo mediaInfo;
    }

    public static final class MediaLinkInfo {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long mediaId;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long duration;
        public String name;
        public String description;
        public String coverUrl;
        @JsonbProperty("mp4_url") // the naming strategy would say "mp4url"
        public String mp4Url;
        public String hlsUrl;
    }

    /** A response with nothing beside errcode / errmsg (deletemedia). */
    public static final class EmptyResponse extends Envelope {
    }

    // ---------------------------------------------------------------- dramas

    public static final class AuditDramaRequest {
        public Long dramaId;
        public String name;
        public Integer mediaCount;
        public List<Long> mediaIdList;
        public String producer;
        public String description;
        public String coverMaterialId;
        public String registrationNumber;
        public String publishLicense;
        public String publishLicenseMaterialId;
        public String authorizedMaterialId;
        public Integer expedited;
        public Integer qualificationType;
        public String qualificationCertificateMaterialId;
        public Integer costOfProduction;
        public String costCommitmentLetterMaterialId;
        public Integer dramaType;
        public ActorList actorList;
        public Copyright copyright;
        public Integer contentDeclared;
        public String recommendations;
        public String promotionPosterMaterialId;
        public String otherMaterialMaterialId;
        // Announced for 2026-07-28 (API.md §9.7); sent only when set.
        public String aiSoftwareOwnershipProof;
        public List<String> otherPlatformPublicationProof;
        public List<Replacement> replaceMediaList;
    }

    public static final class ActorList {
        public List<Actor> actor;
    }

    public static final class Actor {
        public String name;
        public String photoMaterialId;
        public String role;
        public String profile;
    }

    public static final class Copyright {
        public Integer copyrightRole;
        public Integer applyForCopyrightProtection;
        public String copyrightVerification;
        public List<String> proofOfProduction;
        public List<String> purchaseOrBroadcastAuthorizationCertificate;
    }

    public static final class Replacement {
        public Long old;
        @JsonbProperty("new")
        public Long replacement;
    }

    public static final class AuditDramaResponse extends Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long dramaId;
    }

    public static final class PageRequest {
        public Integer limit;
        public Integer offset;
    }

    public static final class DramaIdRequest {
        public Long dramaId;
    }

    public static final class ListDramasResponse extends Envelope {
        public List<DramaInfo> dramaInfoList;
    }

    public static final class GetDramaResponse extends Envelope {
        public DramaInfo dramaInfo;
    }

    public static final class DramaInfo {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long dramaId;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long createTime;
        public String name;
        public String playwright;
        public String producer;
        public String productionLicense;
        public String coverUrl;
        public Integer mediaCount;
        public String description;
        public List<DramaMedia> mediaList;
        public DramaAuditDetail auditDetail;
        public Integer expedited;
        public String recommendations;
    }

    public static final class DramaMedia {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long mediaId;
    }

    public static final class DramaAuditDetail {
        public Integer status;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long createTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long auditTime;
    }

    // ---------------------------------------------------------------- CDN

    public static final class CdnUsageRequest {
        public Long startTime;
        public Long endTime;
        /** Minutes. The page's table says string, its request example sends a number: send the example's. */
        public Integer dataInterval;
        /** 0 (the platform's default) is not sent. */
        public Integer queryType;
    }

    public static final class CdnUsageResponse extends Envelope {
        /** A number on the page; a string of digits is accepted too. */
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long dataInterval;
        public List<CdnUsageItem> itemList;
    }

    public static final class CdnUsageItem {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long time;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long value;
    }

    // ---------------------------------------------------------------- beyond the seeds (API.md §7)

    public static final class ReplaceMediasRequest {
        public Long dramaId;
        public List<Replacement> replaceMediaList;
    }

    public static final class ReplaceMediaRequest {
        public Long dramaId;
        public Long oldMediaId;
        public Long newMediaId;
    }

    /** modifydramabasicinfo: §6.1's field shapes, every field but drama_id optional. */
    public static final class ModifyDramaInfoRequest {
        public Long dramaId;
        public String description;
        public String coverMaterialId;
        public String recommendations;
        public String promotionPosterMaterialId;
        public String alternateName;
        public ActorList actorList;
        public Integer qualificationType;
        public String registrationNumber;
        public String qualificationCertificateMaterialId;
        public Integer costOfProduction;
        public String costCommitmentLetterMaterialId;
        public String otherMaterialMaterialId;
        public String producer;
        public Copyright copyright;
    }

    /** authorizedrama (with authz_expire_time) and deauthorizedrama (without). */
    public static final class DramaAuthorizationRequest {
        public List<Long> dramaId;
        public String authorizedAppid;
        public Long authzExpireTime;
    }

    /** Response of the calls that answer each drama on its own ({@code result[]}). */
    public static final class AuthorizationResultResponse extends Envelope {
        public List<AuthorizationResultItem> result;
    }

    public static final class AuthorizationResultItem {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long dramaId;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long errcode;
        @JsonbTypeDeserializer(FlexibleString.class)
        public String errmsg;
    }

    public static final class GrantedDramasRequest {
        public Long dramaId;
        public String authorizedAppid;
        public Integer offset;
        public Integer limit;
    }

    /** getauthorizedobjects and getcopyrightauthorizedlist. */
    public static final class ReceivedRequest {
        public String authorizerAppid;
        public Integer offset;
        public Integer limit;
    }

    /** getauthorizeobjects, getauthorizedobjects, getauthorizeapps and getauthorizedapps. */
    public static final class AuthorizeObjectsResponse extends Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long totalCount;
        public List<AuthorizeObject> objects;
    }

    public static final class AuthorizeObject {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long dramaId;
        public String authorizedAppid;
        public String authorizerAppid;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long authorizedTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long authzExpireTime;
    }

    /** authorizeapp (with authz_expire_time) and deauthorizeapp (without). */
    public static final class AppAuthorizationRequest {
        public String authorizedAppid;
        public Long authzExpireTime;
    }

    /** A request without fields: sent as {@code {}}. */
    public static final class EmptyRequest {
    }

    /** authorizecopyright (with expire_time) and deauthorizecopyright (without). */
    public static final class CopyrightAuthorizationRequest {
        public Integer authorizationType;
        public String authorizedAppid;
        public String authorizedSubjectCertNo;
        public List<Long> dramaIds;
        public Long expireTime;
    }

    public static final class CopyrightGrantsRequest {
        public Integer authorizationType;
        public String authorizedAppid;
        public String authorizedSubjectCertNo;
        public Long dramaId;
        public Integer offset;
        public Integer limit;
    }

    public static final class CopyrightListResponse extends Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long totalCount;
        public List<CopyrightItem> list;
    }

    public static final class CopyrightItem {
        public String authorizerAppid;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long authorizationType;
        public String authorizedAppid;
        public String authorizedSubjectCertNo;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long dramaId;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long authorizedTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long expireTime;
    }
}
