package io.limber.session.adherence.service;

import io.limber.session.adherence.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The parsed histories of the people this replica recomputed last (least recently used ones make room), each for
 * the stored history version it was read or written at ({@code person.history_version}). A copy whose version is
 * not the stored one (another replica, a plan, an erasure changed the history since) is never used.
 */
@ApplicationScoped
public class HistoryCache {

    private record Cached(long version, AdherenceService.History history) {
    }

    private final Map<String, Cached> entries;

    public HistoryCache(@ConfigProperty(name = "limber.adherence.history-cache-people") int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The person's history as stored at {@code version}, when this replica holds that one. */
    public synchronized Optional<AdherenceService.History> get(String userId, long version) {
        Cached entry = entries.get(userId);
        if (entry == null || entry.version() != version) {
            return Optional.empty();
        }
        return Optional.of(entry.history());
    }

    /** The history at {@code version}: the one held at the earlier version plus the activities added since. */
    public static AdherenceService.History plus(AdherenceService.History history, Collection<Activity> added) {
        List<Activity> activities = new ArrayList<>(history.activities().size() + added.size());
        activities.addAll(history.activities());
        activities.addAll(added);
        return new AdherenceService.History(history.plans(), List.copyOf(activities));
    }

    public synchronized void put(String userId, long version, AdherenceService.History history) {
        entries.put(userId, new Cached(version, history));
    }
}
