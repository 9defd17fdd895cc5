package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.DramaPublication;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionAction;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PromotionStatus;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.PlatformOperation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The drama player's state ({@code /wxadrama/*}, API.md §8): switches, the swipe-through set,
 * recommendation pools, sale times, monetization, the promotion plan and Channels activities.
 * A call that names a drama not playable by this mini program fails whole with 21000 and changes
 * nothing. Thread-safe: every method holds the instance's lock.
 */
public final class PlayerCapability {
    /** How long leaving the promotion plan takes on the fake clock (the platform documents no figure). */
    public static final Duration LEAVING_TAKES = Duration.ofDays(1);

    private static final int NOT_AUTHORIZED = 21000;
    private static final int BAD_PARAMETER = 2;
    private static final int QUALITY_TOO_LOW = 106017;
    private static final int DUPLICATE_CONTENT = 106018;

    private record PoolKey(RecommendationSlot slot, DramaRef scope) {
    }

    private record Promotion(PromotionStatus status, Instant since) {
    }

    private final Clock clock;
    private final String selfAppId;
    private final Predicate<DramaRef> playable;

    private final Map<PlayerSwitch, Boolean> switches = new EnumMap<>(PlayerSwitch.class);
    private Set<FlushDrama> flush = Set.of();
    private final Map<PoolKey, Set<DramaRef>> pools = new LinkedHashMap<>();
    private final Map<DramaRef, DramaPublication> publications = new LinkedHashMap<>();
    private final Map<DramaRef, DramaMonetization> monetization = new LinkedHashMap<>();
    private final Map<DramaRef, Promotion> promotions = new LinkedHashMap<>();
    private final Set<DramaRef> seededPlayable = new HashSet<>();
    private final Set<DramaRef> seededOwn = new HashSet<>();
    private final Set<DramaRef> lowBitrate = new HashSet<>();
    private final Set<DramaRef> duplicateContent = new HashSet<>();
    private final List<FinderEvent> finderEvents = new ArrayList<>();
    private long nextEventId = 1;

    /**
     * @param clock     the fake's clock
     * @param selfAppId this mini program's appid: the only {@code src_appid} the promotion plan accepts
     * @param playable  whether a drama is authorized to this mini program for playback (its own
     *                  approved dramas and those other mini programs granted it)
     */
    public PlayerCapability(Clock clock, String selfAppId, Predicate<DramaRef> playable) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.selfAppId = Objects.requireNonNull(selfAppId, "selfAppId");
        this.playable = Objects.requireNonNull(playable, "playable");
    }

    private static PlatformException refuse(PlatformOperation op, int errcode, String errmsg) {
        return new PlatformException(op.wireName(), errcode, errmsg, PlatformException.NO_HTTP_STATUS);
    }

    private boolean own(DramaRef d) {
        return d.srcAppId().equals(selfAppId) || seededOwn.contains(d);
    }

    private boolean isPlayable(DramaRef d) {
        return seededPlayable.contains(d) || seededOwn.contains(d) || playable.test(d);
    }

    private void requirePlayable(PlatformOperation op, Iterable<DramaRef> dramas) {
        for (DramaRef d : dramas) {
            if (!isPlayable(d)) {
                throw refuse(op, NOT_AUTHORIZED, "drama " + d + " is not authorized for playback by this mini program");
            }
        }
    }

    // ------------------------------------------------------------------ operations

    /** The behaviour of each operation of {@link DramaPlayerPort}: one line per operation. */
    public void register(Handlers handlers) {
        handlers.onVoid(DramaPlayerPort.SET_PLAYER_DRAMA_RECMD_SWITCH, s -> setSwitch(s.entry(), s.on()))
                .onVoid(DramaPlayerPort.DEVELOPER_SET_FLUSH_DRAMA, this::setFlushSet)
                .onVoid(DramaPlayerPort.DEVELOPER_SET_RECMD_DRAMA, this::setRecommendationPool)
                .onVoid(DramaPlayerPort.DEVELOPER_PUBLISH_DRAMA, this::publish)
                .on(DramaPlayerPort.DEVELOPER_GET_PUBLISHED_DRAMA, q -> publishedDramas())
                .onVoid(DramaPlayerPort.DEVELOPER_SET_IAA_DRAMA, this::declareMonetization)
                .on(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA, this::monetization)
                .on(DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION, this::processPromotion)
                .on(DramaPlayerPort.GET_FINDER_EVENT, this::finderEvents);
    }

    public synchronized void setSwitch(PlayerSwitch entry, boolean on) {
        switches.put(entry, on);
    }

    public synchronized void setFlushSet(FlushSet set) {
        requirePlayable(DramaPlayerPort.DEVELOPER_SET_FLUSH_DRAMA, set.dramas().stream().map(FlushDrama::drama).toList());
        flush = set.dramas();
    }

    public synchronized void setRecommendationPool(RecommendationPool pool) {
        List<DramaRef> named = new ArrayList<>(pool.dramas());
        pool.scope().ifPresent(named::add);
        requirePlayable(DramaPlayerPort.DEVELOPER_SET_RECMD_DRAMA, named);
        PoolKey key = new PoolKey(pool.slot(), pool.scope().orElse(null));
        if (pool.clears()) {
            pools.remove(key);
        } else {
            pools.put(key, pool.dramas());
        }
    }

    public synchronized void publish(PublicationBatch batch) {
        requirePlayable(DramaPlayerPort.DEVELOPER_PUBLISH_DRAMA, batch.publications().stream().map(DramaPublication::drama).toList());
        for (DramaPublication p : batch.publications()) {
            publications.remove(p.drama());
            publications.put(p.drama(), p);
        }
    }

    public synchronized List<PublishedDrama> publishedDramas() {
        return publications.values().stream().map(p -> new PublishedDrama(p.drama(), p.publishTime())).toList();
    }

    public synchronized void declareMonetization(MonetizationDeclaration declaration) {
        requirePlayable(DramaPlayerPort.DEVELOPER_SET_IAA_DRAMA, declaration.dramas().stream().map(DramaMonetization::drama).toList());
        for (DramaMonetization m : declaration.dramas()) {
            monetization.put(m.drama(), m);
        }
    }

    public synchronized List<DramaMonetization> monetization(MonetizationQuery query) {
        return query.dramas().stream().map(monetization::get).filter(Objects::nonNull).toList();
    }

    public synchronized List<DramaPromotion> processPromotion(PromotionBatch batch) {
        PlatformOperation op = DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION;
        for (DramaRef d : batch.dramas()) {
            if (!own(d)) {
                throw refuse(op, BAD_PARAMETER, "only the mini program that submitted a drama manages its promotion: src_appid " + d.srcAppId()
                        + " is not the caller");
            }
        }
        requirePlayable(op, batch.dramas());
        Instant now = clock.instant();
        if (batch.action() == PromotionAction.JOIN) {
            for (DramaRef d : batch.dramas()) {
                if (lowBitrate.contains(d)) {
                    throw refuse(op, QUALITY_TOO_LOW, "分辨率不足或码率不足: " + d);
                }
                if (duplicateContent.contains(d)) {
                    throw refuse(op, DUPLICATE_CONTENT, "官方授权库中已存在相同内容的短剧,请勿重复授权: " + d);
                }
            }
            for (DramaRef d : batch.dramas()) {
                PromotionStatus s = status(d, now);
                if (s != PromotionStatus.IN_REVIEW && s != PromotionStatus.APPROVED) {
                    promotions.put(d, new Promotion(PromotionStatus.IN_REVIEW, now));
                }
            }
            return List.of();
        }
        if (batch.action() == PromotionAction.LEAVE) {
            for (DramaRef d : batch.dramas()) {
                PromotionStatus s = status(d, now);
                if (s == PromotionStatus.IN_REVIEW || s == PromotionStatus.APPROVED) {
                    promotions.put(d, new Promotion(PromotionStatus.LEAVING, now));
                }
            }
            return List.of();
        }
        return batch.dramas().stream().map(d -> new DramaPromotion(d, status(d, now))).toList();
    }

    private PromotionStatus status(DramaRef d, Instant now) {
        Promotion p = promotions.get(d);
        if (p == null) {
            return PromotionStatus.NOT_IN_PLAN;
        }
        if (p.status() == PromotionStatus.LEAVING && !now.isBefore(p.since().plus(LEAVING_TAKES))) {
            promotions.remove(d);
            return PromotionStatus.NOT_IN_PLAN;
        }
        return p.status();
    }

    public synchronized List<FinderEvent> finderEvents(FinderEventQuery query) {
        return finderEvents.stream()
                .filter(e -> query.eventIds().isEmpty() || query.eventIds().contains(e.encryptedEventId()))
                .filter(e -> own(e.drama()) || isPlayable(e.drama()))
                .toList();
    }

    // ------------------------------------------------------------------ control and inspection

    /** The switch's state: as last set, else the platform's default. */
    public synchronized boolean switchOn(PlayerSwitch entry) {
        return switches.getOrDefault(entry, entry.onByDefault());
    }

    public synchronized Set<FlushDrama> flushSet() {
        return flush;
    }

    /** The pool of {@code slot} for {@code scope} ({@code null}: mini-program-wide); empty when cleared or never set. */
    public synchronized Set<DramaRef> pool(RecommendationSlot slot, DramaRef scope) {
        return pools.getOrDefault(new PoolKey(slot, scope), Set.of());
    }

    /**
     * Seeds a drama as playable by this mini program; with {@code own}, also as one this mini
     * program submitted (the promotion plan accepts it), whatever its {@code src_appid}.
     */
    public synchronized void seed(DramaRef d, boolean ownDrama) {
        (ownDrama ? seededOwn : seededPlayable).add(d);
    }

    public synchronized void markLowBitrate(DramaRef d) {
        lowBitrate.add(d);
    }

    public synchronized void markDuplicateContent(DramaRef d) {
        duplicateContent.add(d);
    }

    /** Decides the review of a drama joining the plan: approved, or rejected. */
    public synchronized void reviewPromotion(DramaRef d, boolean approve) {
        PromotionStatus s = status(d, clock.instant());
        if (s != PromotionStatus.IN_REVIEW) {
            throw new IllegalStateException("drama " + d + " is not under promotion review; it is " + s);
        }
        promotions.put(d, new Promotion(approve ? PromotionStatus.APPROVED : PromotionStatus.REJECTED, clock.instant()));
    }

    /** Takes an approved drama down from the plan. */
    public synchronized void takeDownPromotion(DramaRef d) {
        PromotionStatus s = status(d, clock.instant());
        if (s != PromotionStatus.APPROVED) {
            throw new IllegalStateException("drama " + d + " is not in the promotion plan; it is " + s);
        }
        promotions.put(d, new Promotion(PromotionStatus.TAKEN_DOWN, clock.instant()));
    }

    /** Adds a Channels activity for {@code drama}; returns its {@code encrypted_event_id}. */
    public synchronized String addFinderEvent(String name, String url, DramaRef drama) {
        String id = "event/" + nextEventId++;
        finderEvents.add(new FinderEvent(id, name, url, drama));
        return id;
    }

    /** Forgets everything. */
    public synchronized void reset() {
        switches.clear();
        flush = Set.of();
        pools.clear();
        publications.clear();
        monetization.clear();
        promotions.clear();
        seededPlayable.clear();
        seededOwn.clear();
        lowBitrate.clear();
        duplicateContent.clear();
        finderEvents.clear();
        nextEventId = 1;
    }
}
