package io.minidrama.cli;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
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
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.domain.player.VipFlag;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.protocol.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code minidrama player ...}: the drama player's nine operations ({@code /wxadrama/*}, API.md §8).
 * A drama is written {@code SRC_APPID/DRAMA_ID} (the mini program that submitted it, the drama's
 * decimal id); where a name goes with it, {@code SRC_APPID/DRAMA_ID=NAME}. The set and pool
 * commands state the <b>whole</b> desired set (R-33): what is not named is dropped.
 */
@Command(mixinStandardHelpOptions = true, name = "player", description = "Set up WeChat's drama player (/wxadrama/*): switches, the "
        + "swipe-through set, recommendation pools, sale times, monetization, the promotion plan and Channels activities. "
        + "A drama is SRC_APPID/DRAMA_ID (the mini program that submitted it, its id); a third-party platform needs permission set 157.",
        subcommands = {PlayerCommand.Flush.class, PlayerCommand.Recommend.class, PlayerCommand.Monetization.class,
                PlayerCommand.Promotion.class})
final class PlayerCommand {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    @Spec
    CommandSpec spec;

    static Output out(CommandSpec spec, Connection c) {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), c.json);
    }

    static DramaPlayerPort player(Connection c) {
        return c.open();
    }

    /** {@code SRC_APPID/DRAMA_ID}, checked by R-30. */
    static DramaRef ref(String field, String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw InvalidRequestException.of(field, Rule.R30, text,
                    "write a drama as SRC_APPID/DRAMA_ID, such as wx4f3ca6d4c2407ccc/266946 (the mini program that submitted it, its id)");
        }
        return DramaRef.parse(t.substring(0, slash), t.substring(slash + 1));
    }

    static List<DramaRef> refs(String field, List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(t -> ref(field, t)).toList();
    }

    /** {@code SRC_APPID/DRAMA_ID=NAME}. */
    static FlushDrama named(String field, String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq < 0) {
            throw InvalidRequestException.of(field, Rule.NONE, text, "write SRC_APPID/DRAMA_ID=NAME, such as wx4f3ca6d4c2407ccc/266946=示例短剧");
        }
        return new FlushDrama(ref(field, text.substring(0, eq)), text.substring(eq + 1).strip());
    }

    static JsonObjectBuilder wire(DramaRef d) {
        return Output.object().add("src_appid", d.srcAppId()).add("drama_id", d.dramaId());
    }

    static <T> JsonArrayBuilder array(Collection<T> items, Function<T, JsonObjectBuilder> each) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        items.forEach(i -> a.add(each.apply(i)));
        return a;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // ------------------------------------------------------------------ switch

    static PlayerSwitch entry(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "end-of-drama", "1" -> PlayerSwitch.END_OF_DRAMA;
            case "episode-picker", "2" -> PlayerSwitch.EPISODE_PICKER;
            case "drama-profile", "3" -> PlayerSwitch.DRAMA_PROFILE;
            case "original-video", "2002" -> PlayerSwitch.ORIGINAL_VIDEO;
            default -> throw InvalidRequestException.of("ENTRY", Rule.R32, text,
                    "one of end-of-drama (1), episode-picker (2), drama-profile (3), original-video (2002)");
        };
    }

    static RecommendationSlot slot(String text) {
        PlayerSwitch s = entry(text);
        if (s == PlayerSwitch.ORIGINAL_VIDEO) {
            throw InvalidRequestException.of("--slot", Rule.R32, text, "a recommendation slot is end-of-drama, episode-picker or drama-profile");
        }
        return RecommendationSlot.of(s.code());
    }

    @Command(mixinStandardHelpOptions = true, name = "switch", description = "Turn a recommendation slot (end-of-drama, episode-picker, "
            + "drama-profile) or playing the untranscoded original upload (original-video) on or off. Never set: off, except "
            + "end-of-drama and drama-profile (setplayerdramarecmdswitch).")
    int switchCommand(@Mixin Connection connection,
                      @Parameters(index = "0", paramLabel = "ENTRY", description = "end-of-drama | episode-picker | drama-profile | original-video") String entry,
                      @Parameters(index = "1", paramLabel = "on|off") String state) {
        PlayerSwitch e = entry(entry);
        String s = state.strip().toLowerCase(Locale.ROOT);
        if (!s.equals("on") && !s.equals("off")) {
            throw InvalidRequestException.of("on|off", Rule.NONE, state, "say on or off");
        }
        boolean on = s.equals("on");
        player(connection).setSwitch(e, on);
        out(spec, connection).result(Output.object().add("entry_type", e.code()).add("switch_status", on).build(),
                lower(e) + " switched " + s);
        return ExitCodes.OK;
    }

    // ------------------------------------------------------------------ swipe-through set

    /** {@code player flush set|clear}. */
    @Command(mixinStandardHelpOptions = true, name = "flush", description = "The swipe-through (刷剧) set: each 'set' replaces the whole "
            + "set (at most 1000 dramas, each authorized to this mini program); 'clear' empties it (developersetflushdrama).")
    static final class Flush {
        @Spec
        CommandSpec spec;

        @Command(mixinStandardHelpOptions = true, name = "set", description = "Replace the swipe-through set with exactly these dramas.")
        int set(@Mixin Connection connection,
                @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID=NAME",
                        description = "A drama and its name (repeatable); dramas not named leave the set") List<String> dramas) {
            List<FlushDrama> list = new ArrayList<>();
            dramas.forEach(d -> list.add(named("--drama", d)));
            return apply(spec, connection, FlushSet.of(list));
        }

        @Command(mixinStandardHelpOptions = true, name = "clear", description = "Empty the swipe-through set.")
        int clear(@Mixin Connection connection) {
            return apply(spec, connection, FlushSet.clear());
        }

        static int apply(CommandSpec spec, Connection connection, FlushSet set) {
            player(connection).setFlushSet(set);
            out(spec, connection).result(Output.object().add("list", array(set.dramas(),
                            d -> wire(d.drama()).add("drama_name", d.name()))).build(),
                    set.clears() ? "swipe-through set cleared" : "swipe-through set is now " + set.dramas().size() + " dramas");
            return ExitCodes.OK;
        }
    }

    // ------------------------------------------------------------------ recommendation pools

    /** {@code player recommend set|clear}. */
    @Command(mixinStandardHelpOptions = true, name = "recommend", description = "What a recommendation slot recommends, app-wide or "
            + "around one drama (--for; per-drama pools rank first): 'set' replaces that pool (at most 200 dramas), 'clear' empties "
            + "it so the slot draws from every authorized drama (developersetrecmddrama).")
    static final class Recommend {
        @Spec
        CommandSpec spec;

        @Command(mixinStandardHelpOptions = true, name = "set", description = "Replace one recommendation pool with exactly these dramas.")
        int set(@Mixin Connection connection,
                @Option(names = "--slot", required = true, paramLabel = "SLOT", description = "end-of-drama | episode-picker | drama-profile") String slot,
                @Option(names = "--for", paramLabel = "SRC_APPID/DRAMA_ID", description = "The pool shown around this drama; default: app-wide") String scope,
                @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID", split = ",",
                        description = "The dramas to recommend (repeatable)") List<String> dramas) {
            return apply(spec, connection, pool(slot, scope, refs("--drama", dramas)));
        }

        @Command(mixinStandardHelpOptions = true, name = "clear", description = "Empty one recommendation pool.")
        int clear(@Mixin Connection connection,
                  @Option(names = "--slot", required = true, paramLabel = "SLOT", description = "end-of-drama | episode-picker | drama-profile") String slot,
                  @Option(names = "--for", paramLabel = "SRC_APPID/DRAMA_ID", description = "The pool shown around this drama; default: app-wide") String scope) {
            return apply(spec, connection, pool(slot, scope, List.of()));
        }

        static RecommendationPool pool(String slot, String scope, List<DramaRef> dramas) {
            RecommendationSlot s = PlayerCommand.slot(slot);
            return scope == null ? RecommendationPool.appWide(s, dramas) : RecommendationPool.forDrama(s, ref("--for", scope), dramas);
        }

        static int apply(CommandSpec spec, Connection connection, RecommendationPool pool) {
            player(connection).setRecommendationPool(pool);
            JsonObjectBuilder o = Output.object().add("entry_type", pool.slot().code());
            pool.scope().ifPresent(d -> o.add("src_appid", d.srcAppId()).add("drama_id", d.dramaId()));
            String where = lower(pool.slot()) + " pool" + pool.scope().map(d -> " around " + d).orElse(" (app-wide)");
            out(spec, connection).result(o.add("list", array(pool.dramas(), PlayerCommand::wire)).build(),
                    pool.clears() ? where + " cleared" : where + " is now " + pool.dramas().size() + " dramas");
            return ExitCodes.OK;
        }
    }

    // ------------------------------------------------------------------ sale times

    @Command(mixinStandardHelpOptions = true, name = "publish", description = "Set when dramas go on sale in this mini program; for each "
            + "drama the latest call wins, others keep theirs. Without one a drama is live once approved and authorized "
            + "(developerpublishdrama).")
    int publish(@Mixin Connection connection,
                @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID=NAME", description = "A drama and its name (repeatable)") List<String> dramas,
                @Option(names = "--at", required = true, paramLabel = "TIME",
                        description = "When they go on sale: YYYY-MM-DD (China time), an ISO instant, or Unix seconds (not milliseconds, R-33)") String at) {
        List<DramaPublication> list = new ArrayList<>();
        for (String d : dramas) {
            FlushDrama n = named("--drama", d);
            String t = at.strip();
            list.add(DIGITS.matcher(t).matches() && t.length() <= 18 ? DramaPublication.ofEpochSecond(n.drama(), n.name(), Long.parseLong(t))
                    : new DramaPublication(n.drama(), n.name(), CdnCommand.instant("--at", t)));
        }
        PublicationBatch batch = PublicationBatch.of(list);
        player(connection).publish(batch);
        out(spec, connection).result(Output.object().add("list", array(batch.publications(),
                        p -> wire(p.drama()).add("drama_name", p.name()).add("publish_time", p.epochSecond()))).build(),
                batch.publications().size() + " dramas go on sale at " + batch.publications().get(0).publishTime());
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "published", description = "List the dramas given a sale time, with it "
            + "(developergetpublisheddrama).")
    int published(@Mixin Connection connection) {
        List<PublishedDrama> list = player(connection).publishedDramas();
        StringBuilder human = new StringBuilder(list.size() + " dramas with a sale time");
        list.forEach(p -> human.append(String.format("%n  %s  on sale from %s", p.drama(), p.publishTime())));
        out(spec, connection).result(Output.wire(WireJson.toJson(DramaPlayerPort.DEVELOPER_GET_PUBLISHED_DRAMA, list)), human.toString());
        return ExitCodes.OK;
    }

    // ------------------------------------------------------------------ monetization

    /** {@code player monetization set|get}. */
    @Command(mixinStandardHelpOptions = true, name = "monetization", description = "How dramas earn money (ads, purchases or both; with a "
            + "membership or not), used by WeChat's recommendation (developersetiaadrama, developergetiaadrama).")
    static final class Monetization {
        @Spec
        CommandSpec spec;

        @Command(mixinStandardHelpOptions = true, name = "set", description = "Declare the model of these dramas (at most 100).")
        int set(@Mixin Connection connection,
                @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID", split = ",", description = "Dramas (repeatable)") List<String> dramas,
                @Option(names = "--iaa", required = true, paramLabel = "MODEL", description = "ads | purchases | both") String iaa,
                @Option(names = "--vip", required = true, paramLabel = "yes|no", description = "Whether the dramas have a membership") String vip) {
            IaaType type = switch (iaa.strip().toLowerCase(Locale.ROOT)) {
                case "ads", "1" -> IaaType.ADS_ONLY;
                case "purchases", "2" -> IaaType.PURCHASES_ONLY;
                case "both", "3" -> IaaType.ADS_AND_PURCHASES;
                default -> throw InvalidRequestException.of("--iaa", Rule.R32, iaa, "ads (1), purchases (2) or both (3)");
            };
            VipFlag flag = switch (vip.strip().toLowerCase(Locale.ROOT)) {
                case "yes", "1" -> VipFlag.MEMBERSHIP;
                case "no", "2" -> VipFlag.NO_MEMBERSHIP;
                default -> throw InvalidRequestException.of("--vip", Rule.R32, vip, "yes (1: has a membership) or no (2)");
            };
            MonetizationDeclaration declaration = MonetizationDeclaration.of(
                    refs("--drama", dramas).stream().map(d -> new DramaMonetization(d, type, flag)).toList());
            player(connection).declareMonetization(declaration);
            out(spec, connection).result(Output.wire(WireJson.toJson(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA, List.copyOf(declaration.dramas()))),
                    declaration.dramas().size() + " dramas declared " + lower(type) + ", " + lower(flag));
            return ExitCodes.OK;
        }

        @Command(mixinStandardHelpOptions = true, name = "get", description = "Read the declared model of these dramas (at most 100); "
                + "dramas never declared are left out.")
        int get(@Mixin Connection connection,
                @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID", split = ",", description = "Dramas (repeatable)") List<String> dramas) {
            List<DramaMonetization> list = player(connection).monetization(MonetizationQuery.of(refs("--drama", dramas)));
            StringBuilder human = new StringBuilder(list.size() + " dramas declared");
            list.forEach(m -> human.append(String.format("%n  %s  %s, %s", m.drama(), lower(m.iaaType()), lower(m.vipFlag()))));
            out(spec, connection).result(Output.wire(WireJson.toJson(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA, list)), human.toString());
            return ExitCodes.OK;
        }
    }

    // ------------------------------------------------------------------ promotion plan

    /** {@code player promotion join|query|leave}. */
    @Command(mixinStandardHelpOptions = true, name = "promotion", description = "The promotion plan, for dramas this mini program "
            + "submitted: join (accepts the plan's agreement; at most 100; one drama under 0.5 Mbps or 720p fails the whole join, "
            + "106017), query each drama's status, leave (batchprocessdramapromotion).")
    static final class Promotion {
        @Spec
        CommandSpec spec;

        @Command(mixinStandardHelpOptions = true, name = "join", description = "Join the plan (the dramas go into review).")
        int join(@Mixin Connection connection,
                 @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID", split = ",", description = "Own dramas (repeatable)") List<String> dramas) {
            return done(connection, PromotionBatch.join(refs("--drama", dramas)), "joined the promotion plan (in review)");
        }

        @Command(mixinStandardHelpOptions = true, name = "leave", description = "Leave the plan (leaving, then not in the plan).")
        int leave(@Mixin Connection connection,
                  @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID", split = ",", description = "Own dramas (repeatable)") List<String> dramas) {
            return done(connection, PromotionBatch.leave(refs("--drama", dramas)), "leaving the promotion plan");
        }

        @Command(mixinStandardHelpOptions = true, name = "query", description = "Each drama's status: not in plan, in review, approved, "
                + "rejected, leaving, taken down.")
        int query(@Mixin Connection connection,
                  @Option(names = "--drama", required = true, paramLabel = "SRC_APPID/DRAMA_ID", split = ",", description = "Own dramas (repeatable)") List<String> dramas) {
            List<DramaPromotion> list = player(connection).processPromotion(PromotionBatch.query(refs("--drama", dramas)));
            StringBuilder human = new StringBuilder(list.size() + " dramas");
            list.forEach(p -> human.append(String.format("%n  %s  %s", p.drama(), lower(p.status()))));
            out(spec, connection).result(Output.wire(WireJson.toJson(DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION, list)), human.toString());
            return ExitCodes.OK;
        }

        private int done(Connection connection, PromotionBatch batch, String what) {
            player(connection).processPromotion(batch);
            out(spec, connection).result(Output.object().add("action_type", batch.action().code())
                    .add("list", array(batch.dramas(), PlayerCommand::wire)).build(), batch.dramas().size() + " dramas " + what);
            return ExitCodes.OK;
        }
    }

    // ------------------------------------------------------------------ Channels activities

    @Command(mixinStandardHelpOptions = true, name = "finder-events", description = "List the Channels (视频号) promotion activities of "
            + "dramas this mini program submitted or may play: all, or those with these ids (getfinderevent).")
    int finderEvents(@Mixin Connection connection,
                     @Option(names = "--event", paramLabel = "ID", split = ",", description = "Encrypted event ids (repeatable, at most 50); default: all") List<String> ids) {
        List<FinderEvent> list = player(connection).finderEvents(ids == null ? FinderEventQuery.all() : FinderEventQuery.of(ids));
        StringBuilder human = new StringBuilder(list.size() + " Channels activities");
        list.forEach(e -> human.append(String.format("%n  %s  %s  %s  %s", e.encryptedEventId(), e.drama(), e.name(), e.url())));
        out(spec, connection).result(Output.wire(WireJson.toJson(DramaPlayerPort.GET_FINDER_EVENT, list)), human.toString());
        return ExitCodes.OK;
    }
}
