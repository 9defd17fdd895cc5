/**
 * An in-memory fake of the mini-drama platform for offline tests:
 * {@link io.minidrama.adapter.fake.InMemoryMiniDramaPlatform} (every platform port, with its
 * control surface {@link io.minidrama.adapter.fake.FakeControl}), a controllable
 * {@link io.minidrama.adapter.fake.MutableClock}, and in-memory token and checkpoint stores.
 */
package io.minidrama.adapter.fake;
