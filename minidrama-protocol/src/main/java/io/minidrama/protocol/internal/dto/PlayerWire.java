package io.minidrama.protocol.internal.dto;

import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.DramaPublication;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.IaaType;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PromotionStatus;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.domain.player.VipFlag;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.protocol.internal.Codecs;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The drama player's codec ({@code /wxadrama/*}, API.md §8), all in one place: the request and
 * response bodies field for field, requests encoded from the domain, responses decoded into it and
 * encoded back (for {@code WireJson}). {@code drama_id} is a JSON string of decimal digits here
 * (unlike the number of {@code /wxa/sec/vod/*}): it is carried as text end to end, never through
 * a number type; a number received is read as its digits ({@link FlexibleString}).
 *
 * <p>Decoding names a drama with {@link DramaRef#reported}: the platform's answer is taken as it
 * is (its examples use {@code example_src_appid}); a value the domain cannot hold (a drama id that
 * is not digits, an unknown status) fails the call as an unmappable answer.
 */
public final class PlayerWire {
    private PlayerWire() {
    }

    /** The codec entry of each operation of {@link DramaPlayerPort}: one line per operation. */
    public static void register(Codecs.Registry codecs) {
        codecs.add(DramaPlayerPort.SET_PLAYER_DRAMA_RECMD_SWITCH, s -> switchRequest(s.entry(), s.on()))
                .add(DramaPlayerPort.DEVELOPER_SET_FLUSH_DRAMA, PlayerWire::flush)
                .add(DramaPlayerPort.DEVELOPER_SET_RECMD_DRAMA, PlayerWire::pool)
                .add(DramaPlayerPort.DEVELOPER_PUBLISH_DRAMA, PlayerWire::publish)
                .add(DramaPlayerPort.DEVELOPER_GET_PUBLISHED_DRAMA, q -> publishedQuery(), PublishedResponse.class,
                        PlayerWire::published, PlayerWire::publishedResponse)
                .add(DramaPlayerPort.DEVELOPER_SET_IAA_DRAMA, PlayerWire::declareMonetization)
                .add(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA, PlayerWire::monetizationQuery, IaaResponse.class,
                        PlayerWire::monetization, PlayerWire::monetizationResponse)
                .add(DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION, PlayerWire::promotion, PromotionResponse.class,
                        PlayerWire::promotion, PlayerWire::promotionResponse)
                .add(DramaPlayerPort.GET_FINDER_EVENT, PlayerWire::finderEvents, FinderEventResponse.class,
                        PlayerWire::finderEvents, PlayerWire::finderEventResponse);
    }

    // ---------------------------------------------------------------- bodies

    /** {@code {src_appid, drama_id}}: a drama of the player pages. */
    public static class Ref {
        public String srcAppid;
        @JsonbTypeDeserializer(FlexibleString.class)
        public String dramaId;
    }

    /** A list entry of the flush and publish requests and of the published list. */
    public static final class NamedRef extends Ref {
        public String dramaName;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long publishTime;
    }

    /** A list entry of the monetization request and answer. */
    public static final class IaaRef extends Ref {
        public Integer iaaType;
        public Integer vipFlag;
    }

    /** A list entry of a promotion query's answer. */
    public static final class PromotionRef extends Ref {
        public Integer status;
    }

    /** An entry of {@code finder_event_list}. */
    public static final class FinderEventItem extends Ref {
        public String encryptedEventId;
        public String eventName;
        public String eventUrl;
    }

    /** {@code setplayerdramarecmdswitch}: {@code switch_status} is a JSON boolean. */
    public static final class SwitchRequest {
        public Integer entryType;
        public Boolean switchStatus;
    }

    /** {@code developersetrecmddrama}: without {@code src_appid}/{@code drama_id}, the mini program's default pool. */
    public static final class PoolRequest {
        public Integer entryType;
        public String srcAppid;
        public String dramaId;
        public List<Ref> list;
    }

    /** {@code batchprocessdramapromotion}. */
    public static final class PromotionRequest {
        public Integer actionType;
        public List<Ref> list;
    }

    /** {@code getfinderevent}: an empty list reads all. */
    public static final class FinderEventRequest {
        public List<String> eventIdList;
    }

    /** A request or answer that is {@code list[]} and nothing else. */
    public static final class ListBody<T> {
        public List<T> list;
    }

    /** The answer of {@code developergetpublisheddrama}. */
    public static final class PublishedResponse extends Wire.Envelope {
        public List<NamedRef> list;
    }

    /** The answer of {@code developergetiaadrama}. */
    public static final class IaaResponse extends Wire.Envelope {
        public List<IaaRef> list;
    }

    /** The answer of {@code batchprocessdramapromotion} ({@code list} for a query only). */
    public static final class PromotionResponse extends Wire.Envelope {
        public List<PromotionRef> list;
    }

    /** The answer of {@code getfinderevent}. */
    public static final class FinderEventResponse extends Wire.Envelope {
        public List<FinderEventItem> finderEventList;
    }

    // ---------------------------------------------------------------- requests

    public static SwitchRequest switchRequest(PlayerSwitch entry, boolean on) {
        SwitchRequest w = new SwitchRequest();
        w.entryType = entry.code();
        w.switchStatus = on;
        return w;
    }

    /** An empty set is sent as {@code "list":[]}, which clears. */
    public static ListBody<NamedRef> flush(FlushSet set) {
        return listOf(set.dramas(), (FlushDrama d) -> named(d.drama(), d.name(), null));
    }

    public static PoolRequest pool(RecommendationPool pool) {
        PoolRequest w = new PoolRequest();
        w.entryType = pool.slot().code();
        pool.scope().ifPresent(d -> {
            w.srcAppid = d.srcAppId();
            w.dramaId = d.dramaId();
        });
        w.list = pool.dramas().stream().map(d -> ref(new Ref(), d)).toList();
        return w;
    }

    public static ListBody<NamedRef> publish(PublicationBatch batch) {
        return listOf(batch.publications(), (DramaPublication p) -> named(p.drama(), p.name(), p.epochSecond()));
    }

    /** {@code developergetpublisheddrama} sends {@code {}}: an empty body answers 44002. */
    public static Wire.EmptyRequest publishedQuery() {
        return new Wire.EmptyRequest();
    }

    public static ListBody<IaaRef> declareMonetization(MonetizationDeclaration declaration) {
        return listOf(declaration.dramas(), PlayerWire::iaa);
    }

    public static ListBody<Ref> monetizationQuery(MonetizationQuery query) {
        return listOf(query.dramas(), (DramaRef d) -> ref(new Ref(), d));
    }

    public static PromotionRequest promotion(PromotionBatch batch) {
        PromotionRequest w = new PromotionRequest();
        w.actionType = batch.action().code();
        w.list = batch.dramas().stream().map(d -> ref(new Ref(), d)).toList();
        return w;
    }

    public static FinderEventRequest finderEvents(FinderEventQuery query) {
        FinderEventRequest w = new FinderEventRequest();
        w.eventIdList = List.copyOf(query.eventIds());
        return w;
    }

    // ---------------------------------------------------------------- responses, decoded

    public static List<PublishedDrama> published(PublishedResponse r) {
        return each(r.list, e -> new PublishedDrama(drama(e), Instant.ofEpochSecond(need(e.publishTime, "publish_time"))));
    }

    public static List<DramaMonetization> monetization(IaaResponse r) {
        return each(r.list, e -> new DramaMonetization(drama(e), IaaType.of(need(e.iaaType, "iaa_type")),
                VipFlag.of(need(e.vipFlag, "vip_flag"))));
    }

    /** A join or a leave answers without {@code list}: an empty list. */
    public static List<DramaPromotion> promotion(PromotionResponse r) {
        return each(r.list, e -> new DramaPromotion(drama(e), PromotionStatus.find(need(e.status, "status"))
                .orElseThrow(() -> new IllegalArgumentException("unknown promotion status " + e.status))));
    }

    public static List<FinderEvent> finderEvents(FinderEventResponse r) {
        return each(r.finderEventList, e -> new FinderEvent(need(e.encryptedEventId, "encrypted_event_id"),
                e.eventName == null ? "" : e.eventName, e.eventUrl == null ? "" : e.eventUrl, drama(e)));
    }

    // ---------------------------------------------------------------- responses, encoded back

    public static PublishedResponse publishedResponse(List<PublishedDrama> list) {
        PublishedResponse w = new PublishedResponse();
        w.list = list.stream().map(p -> named(p.drama(), null, p.publishTime().getEpochSecond())).toList();
        return w;
    }

    public static IaaResponse monetizationResponse(List<DramaMonetization> list) {
        IaaResponse w = new IaaResponse();
        w.list = list.stream().map(PlayerWire::iaa).toList();
        return w;
    }

    public static PromotionResponse promotionResponse(List<DramaPromotion> list) {
        PromotionResponse w = new PromotionResponse();
        w.list = list.stream().map(p -> {
            PromotionRef e = ref(new PromotionRef(), p.drama());
            e.status = p.status().code();
            return e;
        }).toList();
        return w;
    }

    public static FinderEventResponse finderEventResponse(List<FinderEvent> list) {
        FinderEventResponse w = new FinderEventResponse();
        w.finderEventList = list.stream().map(f -> {
            FinderEventItem e = ref(new FinderEventItem(), f.drama());
            e.encryptedEventId = f.encryptedEventId();
            e.eventName = f.name();
            e.eventUrl = f.url();
            return e;
        }).toList();
        return w;
    }

    // ---------------------------------------------------------------- helpers

    private static <R extends Ref> R ref(R w, DramaRef d) {
        w.srcAppid = d.srcAppId();
        w.dramaId = d.dramaId();
        return w;
    }

    private static NamedRef named(DramaRef d, String name, Long publishTime) {
        NamedRef w = ref(new NamedRef(), d);
        w.dramaName = name;
        w.publishTime = publishTime;
        return w;
    }

    private static IaaRef iaa(DramaMonetization m) {
        IaaRef w = ref(new IaaRef(), m.drama());
        w.iaaType = m.iaaType().code();
        w.vipFlag = m.vipFlag().code();
        return w;
    }

    private static <D, T> ListBody<T> listOf(Collection<D> items, Function<D, T> encode) {
        ListBody<T> w = new ListBody<>();
        w.list = items.stream().map(encode).toList();
        return w;
    }

    private static DramaRef drama(Ref e) {
        return DramaRef.reported(e.srcAppid, e.dramaId);
    }

    private static <T, W> List<T> each(List<W> list, Function<W, T> decode) {
        return list == null ? List.of() : list.stream().map(w -> decode.apply(need(w, "a list entry"))).toList();
    }

    private static <V> V need(V value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("the answer lacks " + field);
        }
        return value;
    }
}
