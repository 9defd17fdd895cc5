package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.AppId;
import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.player.DramaRef;

import java.util.function.Predicate;

/**
 * Which dramas this mini program may play, read from the engine's state: its own approved dramas,
 * and the dramas (or whole catalogues) other mini programs authorized to it, while unexpired.
 */
public final class PlayableDramas implements Predicate<DramaRef> {
    private final Engine engine;
    private final AppId self;

    public PlayableDramas(Engine engine, AppId self) {
        this.engine = engine;
        this.self = self;
    }

    @Override
    public boolean test(DramaRef d) {
        if (d.srcAppId().equals(self.value())) {
            try {
                return engine.getDrama(d.toDramaId()).status().isApproved();
            } catch (MiniDramaException unknown) {
                return false;
            }
        }
        if (engine.receivedApps().stream().anyMatch(g -> g.authorizerAppId().equals(d.srcAppId()))) {
            return true;
        }
        AppId authorizer;
        try {
            authorizer = AppId.of(d.srcAppId());
        } catch (MiniDramaException notAnAppId) {
            return false;
        }
        for (int offset = 0; ; offset += AuthzPage.MAX_LIMIT) {
            DramaGrants page = engine.receivedDramas(ReceivedDramasQuery.all(AuthzPage.of(offset, AuthzPage.MAX_LIMIT)).from(authorizer));
            if (page.grants().stream().anyMatch(g -> g.dramaId().equals(d.toDramaId()))) {
                return true;
            }
            if (page.grants().isEmpty() || offset + AuthzPage.MAX_LIMIT >= page.totalCount()) {
                return false;
            }
        }
    }
}
