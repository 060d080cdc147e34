package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Route.Handler none = e -> null;
    private final Router router = new Router(List.of(
            new Route(HttpMethod.GET, "/login", Route.Access.PUBLIC, none),
            new Route(HttpMethod.POST, "/login", Route.Access.PUBLIC, none),
            new Route(HttpMethod.GET, "/", Route.Access.SESSION, none),
            new Route(HttpMethod.GET, "/assets/", Route.Access.PUBLIC, none)));

    @Test
    void findsRoutesByMethodAndPath() {
        assertThat(router.match(HttpMethod.POST, "/login")).isInstanceOfSatisfying(Router.Match.Found.class,
                f -> assertThat(f.route().method()).isEqualTo(HttpMethod.POST));
        assertThat(router.match(HttpMethod.HEAD, "/")).isInstanceOf(Router.Match.Found.class);
        assertThat(router.match(HttpMethod.GET, "/assets/style.css")).isInstanceOf(Router.Match.Found.class);
    }

    @Test
    void unknownPathsAndMethods() {
        assertThat(router.match(HttpMethod.GET, "/nothing")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match(HttpMethod.GET, "/assets/")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match(HttpMethod.GET, "/loginx")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match(HttpMethod.DELETE, "/login")).isInstanceOfSatisfying(
                Router.Match.MethodNotAllowed.class,
                m -> assertThat(m.allowed()).containsExactly(HttpMethod.GET, HttpMethod.POST));
    }

    @Test
    void onlyLoginAndAssetsArePublic() {
        assertThat(router.isPublic("/login")).isTrue();
        assertThat(router.isPublic("/assets/app.js")).isTrue();
        assertThat(router.isPublic("/")).isFalse();
        assertThat(router.isPublic("/terminal")).isFalse();
        assertThat(router.isPublic("/assets")).isFalse();
    }
}
