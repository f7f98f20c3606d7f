package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Proxy;
import io.firedrill.agent.proxy.ProxyException;
import java.util.List;
import java.util.Optional;

/**
 * What a populate did: the proxies it created or kept, in request order, and the error that stopped it
 * (the proxies after the failing one were not touched).
 */
public record PopulateResult(List<Proxy> proxies, Optional<ProxyException> error) {
    public PopulateResult {
        proxies = List.copyOf(proxies);
    }
}
