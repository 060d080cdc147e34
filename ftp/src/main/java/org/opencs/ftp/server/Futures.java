package org.opencs.ftp.server;

import java.util.concurrent.CompletableFuture;

/** Netty futures as {@link CompletableFuture}s, so a session's steps can be chained without waiting on a thread. */
final class Futures {
    /** What a command returns when it has replied and nothing of it is still running. */
    static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private Futures() {
    }

    /** Completes as {@code future} does: with its value, or exceptionally with its cause (also when cancelled). */
    static <T> CompletableFuture<T> of(io.netty.util.concurrent.Future<T> future) {
        CompletableFuture<T> result = new CompletableFuture<>();
        future.addListener(f -> {
            if (f.isSuccess()) {
                result.complete(future.getNow());
            } else {
                result.completeExceptionally(f.cause() != null ? f.cause()
                        : new java.util.concurrent.CancellationException("cancelled"));
            }
        });
        return result;
    }

    /** The innermost cause of a failed stage (CompletionException and ExecutionException are wrappers). */
    static Throwable cause(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
