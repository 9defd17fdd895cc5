package io.minidrama.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue of the platform's mini-drama operations ({@code /wxa/sec/vod/*}, API.md §2 and §7,
 * and the drama player's {@code /wxadrama/*}, §8): for each, its wire name, path, HTTP method, body
 * kind, whether a repeat is safe and the permission set a third-party platform needs for it.
 *
 * <p>This is the one list of operation names: the HTTP adapter sends and retries by it, the fake
 * and the emulator answer by it, and code that wraps the port (metrics, logging, fault injection
 * with {@code FakeControl.failNext}) can name an operation without a string literal.
 *
 * <p>Where an operation is declared: the {@code /wxa/sec/vod/*} operations are the constants of
 * this class; an operation that the ports reach through {@link OperationPort#execute the generic
 * call} is a typed {@link Operation} declared next to its port method (the drama player's, such as
 * {@link DramaPlayerPort#GET_FINDER_EVENT}, and {@code /wxa/sec/vod/*} ones such as
 * {@link TrafficPackagePort#LIST_PACKAGES}), not here (a constant of this class that is an
 * {@code Operation} would initialize the subclass from its superclass's initializer: a
 * class-initialization deadlock between threads), and is listed here as well:
 * {@link #values()}, {@link #find}, {@link #of} and {@link #valueOf} know every operation of
 * every port of {@link MiniDramaPlatform}. So adding an operation is one declaration, never a
 * second list to keep in step.
 *
 * <p>Like an enum (it was one): one instance per operation, compared by identity, with a
 * {@link #name()}, an {@link #ordinal()} and {@link #values()}; not an {@code enum} type, so
 * {@code EnumSet}, {@code EnumMap} and {@code switch} do not apply (use {@code Set}, {@code Map}
 * and {@code if}/{@code Map} lookups).
 *
 * <p>The access-token endpoints ({@code /cgi-bin/token}, {@code /cgi-bin/stable_token}) are not
 * operations of the port and are not listed.
 */
public sealed class PlatformOperation implements Comparable<PlatformOperation> permits Operation {
    // Declared before the constants: each constant registers itself here as it is created.
    private static final List<PlatformOperation> DEFINED = new ArrayList<>();
    private static final Map<String, PlatformOperation> BY_WIRE_NAME = new ConcurrentHashMap<>();
    private static final Map<String, PlatformOperation> BY_NAME = new ConcurrentHashMap<>();

    /** {@code singlefileupload}: uploads a whole file in one multipart request. */
    public static final PlatformOperation SINGLE_FILE_UPLOAD = media("SINGLE_FILE_UPLOAD", "singlefileupload", BodyKind.MULTIPART, false);
    /** {@code pullupload}: asks the platform to fetch a file from a URL. */
    public static final PlatformOperation PULL_UPLOAD = media("PULL_UPLOAD", "pullupload", BodyKind.JSON, false);
    /** {@code gettask}: reads a pull task. */
    public static final PlatformOperation GET_TASK = media("GET_TASK", "gettask", BodyKind.JSON, true);
    /** {@code applyupload}: starts a multipart upload. */
    public static final PlatformOperation APPLY_UPLOAD = media("APPLY_UPLOAD", "applyupload", BodyKind.JSON, false);
    /** {@code uploadpart}: sends one part; sending the same part again replaces it. */
    public static final PlatformOperation UPLOAD_PART = media("UPLOAD_PART", "uploadpart", BodyKind.MULTIPART, true);
    /** {@code commitupload}: finishes a multipart upload; a repeated commit of a finished upload fails although the media exists. */
    public static final PlatformOperation COMMIT_UPLOAD = media("COMMIT_UPLOAD", "commitupload", BodyKind.JSON, false);
    /** {@code listmedia}: lists media. */
    public static final PlatformOperation LIST_MEDIA = media("LIST_MEDIA", "listmedia", BodyKind.JSON, true);
    /** {@code getmedia}: reads one media. */
    public static final PlatformOperation GET_MEDIA = media("GET_MEDIA", "getmedia", BodyKind.JSON, true);
    /** {@code getmedialink}: asks for a play link. */
    public static final PlatformOperation GET_MEDIA_LINK = media("GET_MEDIA_LINK", "getmedialink", BodyKind.JSON, true);
    /** {@code deletemedia}: deletes a media; deleting it again does no harm. */
    public static final PlatformOperation DELETE_MEDIA = media("DELETE_MEDIA", "deletemedia", BodyKind.JSON, true);
    /** {@code auditdrama}: submits a drama for review. */
    public static final PlatformOperation AUDIT_DRAMA = media("AUDIT_DRAMA", "auditdrama", BodyKind.JSON, false);
    /** {@code listdramas}: lists dramas. */
    public static final PlatformOperation LIST_DRAMAS = media("LIST_DRAMAS", "listdramas", BodyKind.JSON, true);
    /** {@code getdrama}: reads one drama. */
    public static final PlatformOperation GET_DRAMA = media("GET_DRAMA", "getdrama", BodyKind.JSON, true);
    /** {@code getcdnusagedata}: reads CDN usage. */
    public static final PlatformOperation GET_CDN_USAGE_DATA = media("GET_CDN_USAGE_DATA", "getcdnusagedata", BodyKind.JSON, true);
    /** {@code submitreplacedramamedias}: submits episode replacements for review; a repeat may start a second review. */
    public static final PlatformOperation SUBMIT_REPLACE_DRAMA_MEDIAS = media("SUBMIT_REPLACE_DRAMA_MEDIAS", "submitreplacedramamedias", BodyKind.JSON, false);
    /** {@code replacedramamedia}: applies an approved replacement. */
    public static final PlatformOperation REPLACE_DRAMA_MEDIA = media("REPLACE_DRAMA_MEDIA", "replacedramamedia", BodyKind.JSON, false);
    /** {@code modifydramabasicinfo}: submits a change of a drama's information for review. */
    public static final PlatformOperation MODIFY_DRAMA_BASIC_INFO = media("MODIFY_DRAMA_BASIC_INFO", "modifydramabasicinfo", BodyKind.JSON, false);
    /** {@code authorizedrama}: authorizes another mini program to play dramas; a repeat answers per-drama errors that hide the first outcome. */
    public static final PlatformOperation AUTHORIZE_DRAMA = media("AUTHORIZE_DRAMA", "authorizedrama", BodyKind.JSON, false);
    /** {@code deauthorizedrama}: withdraws a drama authorization; a repeat answers 10090039 "already de-authorised". */
    public static final PlatformOperation DEAUTHORIZE_DRAMA = media("DEAUTHORIZE_DRAMA", "deauthorizedrama", BodyKind.JSON, false);
    /** {@code getauthorizeobjects}: the grantor's view of drama authorizations. */
    public static final PlatformOperation GET_AUTHORIZE_OBJECTS = media("GET_AUTHORIZE_OBJECTS", "getauthorizeobjects", BodyKind.JSON, true);
    /** {@code getauthorizedobjects}: the grantee's view of drama authorizations. */
    public static final PlatformOperation GET_AUTHORIZED_OBJECTS = media("GET_AUTHORIZED_OBJECTS", "getauthorizedobjects", BodyKind.JSON, true);
    /** {@code authorizeapp}: authorizes another mini program for every drama. */
    public static final PlatformOperation AUTHORIZE_APP = media("AUTHORIZE_APP", "authorizeapp", BodyKind.JSON, false);
    /** {@code deauthorizeapp}: withdraws an app authorization. */
    public static final PlatformOperation DEAUTHORIZE_APP = media("DEAUTHORIZE_APP", "deauthorizeapp", BodyKind.JSON, false);
    /** {@code getauthorizeapps}: the grantor's view of app authorizations. */
    public static final PlatformOperation GET_AUTHORIZE_APPS = media("GET_AUTHORIZE_APPS", "getauthorizeapps", BodyKind.JSON, true);
    /** {@code getauthorizedapps}: the grantee's view of app authorizations. */
    public static final PlatformOperation GET_AUTHORIZED_APPS = media("GET_AUTHORIZED_APPS", "getauthorizedapps", BodyKind.JSON, true);
    /** {@code authorizecopyright}: authorizes use of copyright-protected dramas. */
    public static final PlatformOperation AUTHORIZE_COPYRIGHT = media("AUTHORIZE_COPYRIGHT", "authorizecopyright", BodyKind.JSON, false);
    /** {@code deauthorizecopyright}: withdraws a copyright authorization. */
    public static final PlatformOperation DEAUTHORIZE_COPYRIGHT = media("DEAUTHORIZE_COPYRIGHT", "deauthorizecopyright", BodyKind.JSON, false);
    /** {@code getcopyrightauthorizationlist}: the grantor's view of copyright authorizations. */
    public static final PlatformOperation GET_COPYRIGHT_AUTHORIZATION_LIST = media("GET_COPYRIGHT_AUTHORIZATION_LIST", "getcopyrightauthorizationlist", BodyKind.JSON, true);
    /** {@code getcopyrightauthorizedlist}: the grantee's view of copyright authorizations. */
    public static final PlatformOperation GET_COPYRIGHT_AUTHORIZED_LIST = media("GET_COPYRIGHT_AUTHORIZED_LIST", "getcopyrightauthorizedlist", BodyKind.JSON, true);

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
    public static final String PLAYER_PATH_PREFIX = "/wxadrama/";
    /** The third-party permission set of the {@code /wxa/sec/vod/*} operations (API.md §10). */
    public static final int MEDIA_PERMISSION_SET = 153;
    /** The third-party permission set of the {@code /wxadrama/*} operations (API.md §10). */
    public static final int PLAYER_PERMISSION_SET = 157;

    private final String name;
    private final String pathPrefix;
    private final String wireName;
    private final BodyKind bodyKind;
    private final boolean repeatSafe;
    private int ordinal;

    PlatformOperation(String name, String pathPrefix, String wireName, BodyKind bodyKind, boolean repeatSafe) {
        this.name = Objects.requireNonNull(name, "name");
        this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
        this.wireName = Objects.requireNonNull(wireName, "wireName");
        this.bodyKind = Objects.requireNonNull(bodyKind, "bodyKind");
        this.repeatSafe = repeatSafe;
    }

    private static PlatformOperation media(String name, String wireName, BodyKind bodyKind, boolean repeatSafe) {
        return define(new PlatformOperation(name, PATH_PREFIX, wireName, bodyKind, repeatSafe));
    }

    /**
     * Adds {@code op} to the catalogue; called once per operation, when the class or port
     * interface that declares it is initialized.
     *
     * @throws IllegalStateException when its name or wire name is taken
     */
    static <T extends PlatformOperation> T define(T defined) {
        PlatformOperation op = defined;
        synchronized (DEFINED) {
            if (BY_WIRE_NAME.containsKey(op.wireName) || BY_NAME.containsKey(op.name)) {
                throw new IllegalStateException("operation " + op.name + " (" + op.wireName + ") is declared twice");
            }
            op.ordinal = DEFINED.size();
            DEFINED.add(op);
            BY_WIRE_NAME.put(op.wireName, op);
            BY_NAME.put(op.name, op);
        }
        return defined;
    }

    /**
     * Initializes every port interface of {@link MiniDramaPlatform} once, so that the operations
     * they declare are in the catalogue before it is read (outside any class initializer: no
     * initialization cycle, no deadlock between threads).
     */
    private static final class Ports {
        static final boolean LOADED = load();

        private static boolean load() {
            for (Class<?> port : MiniDramaPlatform.class.getInterfaces()) {
                try {
                    Class.forName(port.getName(), true, port.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("port " + port.getName() + " cannot be loaded", e);
                }
            }
            return true;
        }
    }

    private static void loadPorts() {
        if (!Ports.LOADED) {
            throw new IllegalStateException("ports not loaded");
        }
    }

    /** Every operation, in the order of declaration: this class's constants, then each port's. */
    public static PlatformOperation[] values() {
        loadPorts();
        synchronized (DEFINED) {
            return DEFINED.toArray(new PlatformOperation[0]);
        }
    }

    /**
     * The operation of this constant name, such as {@code UPLOAD_PART} or
     * {@code GET_FINDER_EVENT}.
     *
     * @throws IllegalArgumentException if no operation has that name
     * @throws NullPointerException     if {@code name} is null
     */
    public static PlatformOperation valueOf(String name) {
        Objects.requireNonNull(name, "name");
        loadPorts();
        PlatformOperation op = BY_NAME.get(name);
        if (op == null) {
            throw new IllegalArgumentException("no operation named " + name + "; expected one of " + new TreeSet<>(BY_NAME.keySet()));
        }
        return op;
    }

    /** The constant name, such as {@code UPLOAD_PART}. */
    public final String name() {
        return name;
    }

    /** The position in {@link #values()}. */
    public final int ordinal() {
        return ordinal;
    }

    /** By {@link #ordinal()}. */
    @Override
    public final int compareTo(PlatformOperation other) {
        return Integer.compare(ordinal, other.ordinal);
    }

    /** The constant name, as an enum's. */
    @Override
    public final String toString() {
        return name;
    }

    /** The name on the wire, the last path segment, such as {@code uploadpart}. */
    public final String wireName() {
        return wireName;
    }

    /**
     * The request path, such as {@code /wxa/sec/vod/uploadpart} or {@code /wxadrama/getfinderevent}
     * (the access token goes in the query).
     */
    public final String path() {
        return pathPrefix + wireName;
    }

    /**
     * The permission set a third-party platform's authorizer token needs for this operation:
     * {@value #MEDIA_PERMISSION_SET} for {@code /wxa/sec/vod/*}, {@value #PLAYER_PERMISSION_SET}
     * for the drama player's {@code /wxadrama/*}; without it the platform answers 61007.
     */
    public final int permissionSet() {
        return isPlayer() ? PLAYER_PERMISSION_SET : MEDIA_PERMISSION_SET;
    }

    /** Whether this is one of the drama player's operations ({@code /wxadrama/*}, API.md §8). */
    public final boolean isPlayer() {
        return PLAYER_PATH_PREFIX.equals(pathPrefix);
    }

    /** The HTTP method: {@code POST} for every operation. */
    public final String httpMethod() {
        return "POST";
    }

    /** How the request body is encoded. */
    public final BodyKind bodyKind() {
        return bodyKind;
    }

    /**
     * Whether sending the call again after an ambiguous failure (the request may have been
     * processed, the answer was lost) is harmless: true for reads and for writes whose repeat has
     * the same effect; false for calls that create something or whose repeat hides the first
     * outcome.
     */
    public final boolean repeatSafe() {
        return repeatSafe;
    }

    /**
     * The operation with this wire name, if there is one.
     *
     * @param wireName a name such as {@code uploadpart}; {@code null} finds nothing
     */
    public static Optional<PlatformOperation> find(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        loadPorts();
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /**
     * The operation with this wire name.
     *
     * @param wireName a name such as {@code uploadpart}
     * @throws IllegalArgumentException if no operation has that name; the message lists the names
     */
    public static PlatformOperation of(String wireName) {
        return find(wireName).orElseThrow(() -> new IllegalArgumentException("unknown operation '" + wireName
                + "'; expected one of " + new TreeSet<>(BY_WIRE_NAME.keySet())));
    }
}
