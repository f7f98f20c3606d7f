package io.firedrill.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that calls the orchestrator's API and prints what came of it: exit 0 done, 1 refused, 2 bad usage or
 * no orchestrator (see {@link ApiCalls}).
 */
abstract class ApiAction implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ApiAccess api;

    @Override
    public final Integer call() throws Exception {
        try {
            run(new ApiCalls(spec, api, options()), spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ApiCalls.Failed f) {
            return f.exit;
        }
    }

    /** The API's field names in its messages, as this command's options. */
    abstract Map<String, String> options();

    abstract void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException;

    /** A name as one path segment. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
