/**
 * Stories: which stored articles report the same event, across outlets and languages.
 * <ul>
 *   <li>{@link io.newsflow.store.story.StoryClusterer} places each new article inside the writing transaction, from
 *       state in PostgreSQL only (candidates, per-day entity counts from {@link io.newsflow.store.story.DayCounts});
 *       {@link io.newsflow.store.story.StorySimilarity} is the decision itself, pure and deterministic, and the same
 *       function the offline replays (store-service's {@code HeldOutStoriesTest}) and deploy/local's
 *       {@code StoryQuality*IT} measure.</li>
 *   <li>What an article brings to the decision is {@link io.newsflow.store.story.StoryFeatures}: weighted entities and
 *       their coordinates, the text fingerprint, figures ({@link io.newsflow.store.story.StoryNumbers}), keywords and
 *       kinds of event ({@link io.newsflow.store.story.StoryEvents}).</li>
 *   <li>Data, each file read once at class load by {@link io.newsflow.store.story.DataFile} and failing at start with
 *       its line number when broken: {@code /story/event-types.tsv} (kinds of event in the words of nine languages) and
 *       {@code /story/actor-groups.tsv} (names that stand for one actor: the EU and its Commission, a country and its
 *       capital, counted once by {@link io.newsflow.store.story.ActorGroups}).</li>
 *   <li>{@link io.newsflow.store.story.StoryReader} and {@link io.newsflow.store.story.StoryViews} serve
 *       {@code /api/stories}; {@link io.newsflow.store.story.StoryEvent} is the value on {@code news.stories}.</li>
 * </ul>
 * Quality and the figures behind each constant: docs/benchmarks.md, "Story grouping quality" and the sections after it.
 */
package io.newsflow.store.story;
