package io.minidrama.port;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of the platform's mini-drama operations ({@code /wxa/sec/vod/*}, API.md §2 and §7,
 * and the drama player's {@code /wxadrama/*}, §8): for each, its wire name, path, HTTP method, body
 * kind, whether a repeat is safe and the permission set a third-party platform needs for it.
 *
 * <p>This is the one list of operation names: the HTTP adapter sends and retries by it, the fake
 * and the emulator answer by it, and code that wraps the port (metrics, logging, fault injection
 * with {@code FakeControl.failNext}) can name an operation without a string literal.
 *
 * <p>The access-token endpoints ({@code /cgi-bin/token}, {@code /cgi-bin/stable_token}) are not
 * operations of the port and are not listed.
 */
public enum PlatformOperation {
    /** {@code singlefileupload}: uploads a whole file in one multipart request. */
    SINGLE_FILE_UPLOAD("singlefileupload", BodyKind.MULTIPART, false),
    /** {@code pullupload}: asks the platform to fetch a file from a URL. */
    PULL_UPLOAD("pullupload", BodyKind.JSON, false),
    /** {@code gettask}: reads a pull task. */
    GET_TASK("gettask", BodyKind.JSON, true),
    /** {@code applyupload}: starts a multipart upload. */
    APPLY_UPLOAD("applyupload", BodyKind.JSON, false),
    /** {@code uploadpart}: sends one part; sending the same part again replaces it. */
    UPLOAD_PART("uploadpart", BodyKind.MULTIPART, true),
    /** {@code commitupload}: finishes a multipart upload; a repeated commit of a finished upload fails although the media exists. */
    COMMIT_UPLOAD("commitupload", BodyKind.JSON, false),
    /** {@code listmedia}: lists media. */
    LIST_MEDIA("listmedia", BodyKind.JSON, true),
    /** {@code getmedia}: reads one media. */
    GET_MEDIA("getmedia", BodyKind.JSON, true),
    /** {@code getmedialink}: asks for a play link. */
    GET_MEDIA_LINK("getmedialink", BodyKind.JSON, true),
    /** {@code deletemedia}: deletes a media; deleting it again does no harm. */
    DELETE_MEDIA("deletemedia", BodyKind.JSON, true),
    /** {@code auditdrama}: submits a drama for review. */
    AUDIT_DRAMA("auditdrama", BodyKind.JSON, false),
    /** {@code listdramas}: lists dramas. */
    LIST_DRAMAS("listdramas", BodyKind.JSON, true),
    /** {@code getdrama}: reads one drama. */
    GET_DRAMA("getdrama", BodyKind.JSON, true),
    /** {@code getcdnusagedata}: reads CDN usage. */
    GET_CDN_USAGE_DATA("getcdnusagedata", BodyKind.JSON, true),
    /** {@code getcdnlogs}: lists CDN log files. */
    GET_CDN_LOGS("getcdnlogs", BodyKind.JSON, true),
    /** {@code submitreplacedramamedias}: submits episode replacements for review; a repeat may start a second review. */
    SUBMIT_REPLACE_DRAMA_MEDIAS("submitreplacedramamedias", BodyKind.JSON, false),
    /** {@code replacedramamedia}: applies an approved replacement. */
    REPLACE_DRAMA_MEDIA("replacedramamedia", BodyKind.JSON, false),
    /** {@code modifydramabasicinfo}: submits a change of a drama's information for review. */
    MODIFY_DRAMA_BASIC_INFO("modifydramabasicinfo", BodyKind.JSON, false),
    /** {@code getdramalatestauditinfo}: reads a drama's latest review of one kind. */
    GET_DRAMA_LATEST_AUDIT_INFO("getdramalatestauditinfo", BodyKind.JSON, true),
    /** {@code listpackages}: lists traffic packages. */
    LIST_PACKAGES("listpackages", BodyKind.JSON, true),
    /** {@code authorizedrama}: authorizes another mini program to play dramas; a repeat answers per-drama errors that hide the first outcome. */
    AUTHORIZE_DRAMA("authorizedrama", BodyKind.JSON, false),
    /** {@code deauthorizedrama}: withdraws a drama authorization; a repeat answers 10090039 "already de-authorised". */
    DEAUTHORIZE_DRAMA("deauthorizedrama", BodyKind.JSON, false),
    /** {@code getauthorizeobjects}: the grantor's view of drama authorizations. */
    GET_AUTHORIZE_OBJECTS("getauthorizeobjects", BodyKind.JSON, true),
    /** {@code getauthorizedobjects}: the grantee's view of drama authorizations. */
    GET_AUTHORIZED_OBJECTS("getauthorizedobjects", BodyKind.JSON, true),
    /** {@code authorizeapp}: authorizes another mini program for every drama. */
    AUTHORIZE_APP("authorizeapp", BodyKind.JSON, false),
    /** {@code deauthorizeapp}: withdraws an app authorization. */
    DEAUTHORIZE_APP("deauthorizeapp", BodyKind.JSON, false),
    /** {@code getauthorizeapps}: the grantor's view of app authorizations. */
    GET_AUTHORIZE_APPS("getauthorizeapps", BodyKind.JSON, true),
    /** {@code getauthorizedapps}: the grantee's view of app authorizations. */
    GET_AUTHORIZED_APPS("getauthorizedapps", BodyKind.JSON, true),
    /** {@code authorizecopyright}: authorizes use of copyright-protected dramas. */
    AUTHORIZE_COPYRIGHT("authorizecopyright", BodyKind.JSON, false),
    /** {@code deauthorizecopyright}: withdraws a copyright authorization. */
    DEAUTHORIZE_COPYRIGHT("deauthorizecopyright", BodyKind.JSON, false),
    /** {@code getcopyrightauthorizationlist}: the grantor's view of copyright authorizations. */
    GET_COPYRIGHT_AUTHORIZATION_LIST("getcopyrightauthorizationlist", BodyKind.JSON, true),
    /** {@code getcopyrightauthorizedlist}: the grantee's view of copyright authorizations. */
    GET_COPYRIGHT_AUTHORIZED_LIST("getcopyrightauthorizedlist", BodyKind.JSON, true),
    /** {@code setplayerdramarecmdswitch}: turns a player recommendation slot or the untranscoded original on or off. */
    SET_PLAYER_DRAMA_RECMD_SWITCH(Prefix.PLAYER, "setplayerdramarecmdswitch", BodyKind.JSON, true),
    /** {@code developersetflushdrama}: replaces the swipe-through set; the same set again has the same effect. */
    DEVELOPER_SET_FLUSH_DRAMA(Prefix.PLAYER, "developersetflushdrama", BodyKind.JSON, true),
    /** {@code developersetrecmddrama}: replaces a recommendation pool. */
    DEVELOPER_SET_RECMD_DRAMA(Prefix.PLAYER, "developersetrecmddrama", BodyKind.JSON, true),
    /** {@code developerpublishdrama}: sets sale times; the latest call wins. */
    DEVELOPER_PUBLISH_DRAMA(Prefix.PLAYER, "developerpublishdrama", BodyKind.JSON, true),
    /** {@code developergetpublisheddrama}: lists the dramas given a sale time. */
    DEVELOPER_GET_PUBLISHED_DRAMA(Prefix.PLAYER, "developergetpublisheddrama", BodyKind.JSON, true),
    /** {@code developersetiaadrama}: declares monetization models. */
    DEVELOPER_SET_IAA_DRAMA(Prefix.PLAYER, "developersetiaadrama", BodyKind.JSON, true),
    /** {@code developergetiaadrama}: reads monetization models. */
    DEVELOPER_GET_IAA_DRAMA(Prefix.PLAYER, "developergetiaadrama", BodyKind.JSON, true),
    /** {@code batchprocessdramapromotion}: joins, queries or leaves the promotion plan; a repeated join may start a second review. */
    BATCH_PROCESS_DRAMA_PROMOTION(Prefix.PLAYER, "batchprocessdramapromotion", BodyKind.JSON, false),
    /** {@code getfinderevent}: lists Channels promotion activities. */
    GET_FINDER_EVENT(Prefix.PLAYER, "getfinderevent", BodyKind.JSON, true);

    /** Holds the player prefix so the constants above can name it. */
    private static final class Prefix {
        static final String PLAYER = "/wxadrama/";
    }

    /** How an operation's request body is encoded. */
    public enum BodyKind {
        /** A JSON object ({@code application/json}). */
        JSON,
        /** A {@code multipart/form-data} body with file parts. */
        MULTIPART
    }

    /** The path the media-asset operations' paths start with ({@code /wxa/sec/vod/*}, API.md §2 and §7). */
    public static final String PATH_PREFIX = "/wxa/sec/vod/";
    /** The path the drama player's operations' paths start with ({@code /wxadrama/*}, API.md §8). */
    public static final String PLAYER_PATH_PREFIX = Prefix.PLAYER;
    /** The third-party permission set of the {@code /wxa/sec/vod/*} operations (API.md §10). */
    public static final int MEDIA_PERMISSION_SET = 153;
    /** The third-party permission set of the {@code /wxadrama/*} operations (API.md §10). */
    public static final int PLAYER_PERMISSION_SET = 157;

    private static final Map<String, PlatformOperation> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PlatformOperation::wireName, Function.identity()));

    private final String pathPrefix;
    private final String wireName;
    private final BodyKind bodyKind;
    private final boolean repeatSafe;

    PlatformOperation(String wireName, BodyKind bodyKind, boolean repeatSafe) {
        this(PATH_PREFIX, wireName, bodyKind, repeatSafe);
    }

    PlatformOperation(String pathPrefix, String wireName, BodyKind bodyKind, boolean repeatSafe) {
        this.pathPrefix = pathPrefix;
        this.wireName = wireName;
        this.bodyKind = bodyKind;
        this.repeatSafe = repeatSafe;
    }

    /** The name on the wire, the last path segment, such as {@code uploadpart}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The request path, such as {@code /wxa/sec/vod/uploadpart} or {@code /wxadrama/getfinderevent}
     * (the access token goes in the query).
     */
    public String path() {
        return pathPrefix + wireName;
    }

    /**
     * The permission set a third-party platform's authorizer token needs for this operation:
     * {@value #MEDIA_PERMISSION_SET} for {@code /wxa/sec/vod/*}, {@value #PLAYER_PERMISSION_SET}
     * for the drama player's {@code /wxadrama/*}; without it the platform answers 61007.
     */
    public int permissionSet() {
        return isPlayer() ? PLAYER_PERMISSION_SET : MEDIA_PERMISSION_SET;
    }

    /** Whether this is one of the drama player's operations ({@code /wxadrama/*}, API.md §8). */
    public boolean isPlayer() {
        return PLAYER_PATH_PREFIX.equals(pathPrefix);
    }

    /** The HTTP method: {@code POST} for every operation. */
    public String httpMethod() {
        return "POST";
    }

    /** How the request body is encoded. */
    public BodyKind bodyKind() {
        return bodyKind;
    }

    /**
     * Whether sending the call again after an ambiguous failure (the request may have been
     * processed, the answer was lost) is harmless: true for reads and for writes whose repeat has
     * the same effect; false for calls that create something or whose repeat hides the first
     * outcome.
     */
    public boolean repeatSafe() {
        return repeatSafe;
    }

    /**
     * The operation with this wire name, if there is one.
     *
     * @param wireName a name such as {@code uploadpart}; {@code null} finds nothing
     */
    public static Optional<PlatformOperation> find(String wireName) {
        return wireName == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /**
     * The operation with this wire name.
     *
     * @param wireName a name such as {@code uploadpart}
     * @throws IllegalArgumentException if no operation has that name; the message lists the names
     */
    public static PlatformOperation of(String wireName) {
        return find(wireName).orElseThrow(() -> new IllegalArgumentException("unknown operation '" + wireName
                + "'; expected one of " + new java.util.TreeSet<>(BY_WIRE_NAME.keySet())));
    }
}
