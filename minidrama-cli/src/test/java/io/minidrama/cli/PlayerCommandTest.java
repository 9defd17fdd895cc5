package io.minidrama.cli;

import io.minidrama.adapter.fake.PlayerControl;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.emulator.MiniDramaEmulator;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code minidrama player ...} against the emulator: each command's effect on the emulator's player,
 * its {@code --json} in the platform's field names ({@code drama_id} a string), and its exit codes.
 * Every test ends with no wire problem recorded: the CLI's requests fit the player pages' tables.
 */
class PlayerCommandTest {
    private static final String APPID = "wxcli000000000001";
    private static final String SECRET = "cli-secret-do-not-print-9f8e7d";
    private static final DramaRef A = DramaRef.parse("wx4f3ca6d4c2407ccc", "266946");
    private static final DramaRef B = DramaRef.parse("wx5cefe18a7902141d", "9223372036854775807");

    private MiniDramaEmulator emulator;
    private PlayerControl player;

    @BeforeEach
    void start() {
        emulator = MiniDramaEmulator.start();
        player = emulator.platform().playerControl();
        player.playable(A);
        player.playable(B);
    }

    @AfterEach
    void stop() {
        try {
            assertEquals(List.of(), emulator.wireProblems());
        } finally {
            emulator.close();
        }
    }

    private record Run(int exit, String out, String err) {
        JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(out)).readObject();
        }
    }

    private Run player(String... args) {
        List<String> all = new ArrayList<>(List.of("player"));
        all.addAll(List.of(args));
        all.addAll(List.of("--base-url", emulator.baseUrl().toString(), "--appid", APPID, "--secret", SECRET));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void switch_originalVideoOn_turnsItOn_andJsonHasABooleanSwitchStatus() {
        Run r = player("switch", "original-video", "on", "--json");

        assertEquals(0, r.exit(), r.err());
        assertTrue(player.switchOn(PlayerSwitch.ORIGINAL_VIDEO));
        assertEquals(2002, r.json().getInt("entry_type"));
        assertTrue(r.json().getBoolean("switch_status"));
    }

    @Test
    void switch_withAnUnknownEntry_exitsTwoAndSendsNothing() {
        Run r = player("switch", "sidebar", "on");

        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("R-32"), r.err());
        assertFalse(player.switchOn(PlayerSwitch.ORIGINAL_VIDEO));
    }

    @Test
    void flushSet_replacesTheWholeSet_andClearEmptiesIt() {
        assertEquals(0, player("flush", "set", "--drama", A + "=剧甲").exit());

        Run r = player("flush", "set", "--drama", B + "=剧乙", "--json");

        assertEquals(0, r.exit(), r.err());
        assertEquals(Set.of(new FlushDrama(B, "剧乙")), player.flushSet());
        assertEquals("9223372036854775807", r.json().getJsonArray("list").getJsonObject(0).getString("drama_id"));

        assertEquals(0, player("flush", "clear").exit());
        assertEquals(Set.of(), player.flushSet());
    }

    @Test
    void flushSet_withADramaNotAuthorized_exitsThreeWith21000AndKeepsTheSet() {
        player("flush", "set", "--drama", A + "=剧甲");

        Run r = player("flush", "set", "--drama", "wx0000000000000001/5=陌生剧");

        assertEquals(3, r.exit(), r.out());
        assertTrue(r.err().contains("21000"), r.err());
        assertEquals(Set.of(new FlushDrama(A, "剧甲")), player.flushSet());
    }

    @Test
    void recommendSet_forOneDrama_replacesThatPool_andClearEmptiesIt() {
        Run r = player("recommend", "set", "--slot", "drama-profile", "--for", A.toString(), "--drama", B.toString(), "--json");

        assertEquals(0, r.exit(), r.err());
        assertEquals(Set.of(B), player.recommendationPool(RecommendationSlot.DRAMA_PROFILE, A));
        assertEquals(A.dramaId(), r.json().getString("drama_id"));

        assertEquals(0, player("recommend", "clear", "--slot", "drama-profile", "--for", A.toString()).exit());
        assertEquals(Set.of(), player.recommendationPool(RecommendationSlot.DRAMA_PROFILE, A));
    }

    @Test
    void publish_thenPublished_listsTheSaleTimeInSeconds() {
        assertEquals(0, player("publish", "--drama", A + "=剧甲", "--at", "1734624000").exit());

        Run r = player("published", "--json");

        assertEquals(0, r.exit(), r.err());
        JsonObject first = r.json().getJsonArray("list").getJsonObject(0);
        assertEquals(A.srcAppId(), first.getString("src_appid"));
        assertEquals(A.dramaId(), first.getString("drama_id"));
        assertEquals(1734624000L, first.getJsonNumber("publish_time").longValueExact());
    }

    @Test
    void publish_atMilliseconds_exitsTwoWithR33AndSendsNothing() {
        Run r = player("publish", "--drama", A + "=剧甲", "--at", "1734624000000");

        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("R-33"), r.err());
        assertTrue(player("published", "--json").json().getJsonArray("list").isEmpty());
    }

    @Test
    void monetizationSet_thenGet_readsTheDeclaration() {
        assertEquals(0, player("monetization", "set", "--drama", A.toString(), "--iaa", "both", "--vip", "no").exit());

        Run r = player("monetization", "get", "--drama", A + "," + B, "--json");

        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.json().getJsonArray("list").size(), "an undeclared drama is left out");
        JsonObject m = r.json().getJsonArray("list").getJsonObject(0);
        assertEquals(3, m.getInt("iaa_type"));
        assertEquals(2, m.getInt("vip_flag"));
    }

    @Test
    void promotion_joinThenQuery_isInReview_andLeaveIsLeaving() {
        DramaRef own = DramaRef.parse("wx94a6522b1d640c3b", "666666");
        player.ownDrama(own);

        assertEquals(0, player("promotion", "join", "--drama", own.toString()).exit());
        Run r = player("promotion", "query", "--drama", own.toString(), "--json");

        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.json().getJsonArray("list").getJsonObject(0).getInt("status"));
        assertEquals(0, player("promotion", "leave", "--drama", own.toString()).exit());
        assertTrue(player("promotion", "query", "--drama", own.toString()).out().contains("leaving"));
    }

    @Test
    void promotionJoin_withALowBitrateDrama_exitsThreeWith106017() {
        DramaRef own = DramaRef.parse("wx94a6522b1d640c3b", "666666");
        player.ownDrama(own);
        player.lowBitrate(own);

        Run r = player("promotion", "join", "--drama", own.toString());

        assertEquals(3, r.exit(), r.out());
        assertTrue(r.err().contains("106017"), r.err());
    }

    @Test
    void finderEvents_listsTheActivities_allOrById() {
        String id = player.addFinderEvent("《剧甲》活动", "https://channels.weixin.qq.com/a", A);
        player.addFinderEvent("《剧乙》活动", "https://channels.weixin.qq.com/b", B);

        Run all = player("finder-events", "--json");
        Run one = player("finder-events", "--event", id, "--json");

        assertEquals(0, all.exit(), all.err());
        assertEquals(2, all.json().getJsonArray("finder_event_list").size());
        JsonObject e = one.json().getJsonArray("finder_event_list").getJsonObject(0);
        assertEquals(1, one.json().getJsonArray("finder_event_list").size());
        assertEquals(id, e.getString("encrypted_event_id"));
        assertEquals(A.dramaId(), e.getString("drama_id"));
    }

    @Test
    void help_ofPlayer_listsEverySubcommand() {
        StringWriter out = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "player", "--help");

        assertEquals(0, exit);
        for (String sub : List.of("switch", "flush", "recommend", "publish", "published", "monetization", "promotion", "finder-events")) {
            assertTrue(out.toString().contains(sub), sub + " in\n" + out);
        }
    }
}
