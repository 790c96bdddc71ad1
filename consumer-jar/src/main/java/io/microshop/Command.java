package io.microshop;

import io.microshop.config.Environment;
import io.microshop.consumer.ConsumeCommand;
import io.microshop.consumer.Consumers;
import io.microshop.migration.MigrateCommand;
import io.microshop.telemetry.JsonLogFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Entry point of the executable jar: {@code java -jar microshop-consumer.jar <command> ...}. */
public final class Command {

    private Command() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), Environment.system()));
    }

    static int run(List<String> args, Environment env) {
        configureLogging(env);
        if (args.isEmpty()) {
            return usage();
        }
        List<String> rest = args.subList(1, args.size());
        Optional<Consumers> consumer = Consumers.named(args.get(0));
        if (consumer.isPresent() && rest.isEmpty()) {
            try {
                return ConsumeCommand.run(consumer.get(), env);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        return args.get(0).equals("migrate") ? MigrateCommand.run(rest, env) : usage();
    }

    private static int usage() {
        System.err.println("usage: java -jar microshop-consumer.jar <command>\n  " + MigrateCommand.USAGE
                + "\n  " + ConsumeCommand.USAGE);
        return 64;
    }

    private static void configureLogging(Environment env) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        var handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(Level.ALL);
        // As the Liberty servers: LOG_FORMAT=JSON for one JSON object per line, with trace ids.
        if ("JSON".equalsIgnoreCase(env.text("LOG_FORMAT", "SIMPLE").strip())) {
            handler.setFormatter(new JsonLogFormatter());
        }
        root.addHandler(handler);
        root.setLevel(Level.parse(env.text("LOG_LEVEL", "INFO").toUpperCase(java.util.Locale.ROOT)));
        // Liquibase reports every statement at INFO; its warnings are what matter here.
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
    }
}
