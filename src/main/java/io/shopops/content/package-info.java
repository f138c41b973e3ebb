/**
 * Content library (內容管理): marketing copy, banners (images by URL with a link), product stories and
 * announcements for the shop's channels (PC, mobile, mini-program). Every edit writes a new immutable version; a
 * version goes DRAFT → IN_REVIEW → PUBLISHED through a review in which the approver is never the version's author
 * (four eyes), and a published item being revised stays live with its published version until the revision is
 * approved. Each version carries its schedule window, so the storefront asks what runs now on a channel and the
 * console shows a calendar of what runs when.
 *
 * <p>Facades: {@link io.shopops.content.ContentLibrary} (items, versions, the review workflow) and
 * {@link io.shopops.content.ContentSchedule} (what is live on a channel at a time, the calendar). Events:
 * {@code ContentPublished}, {@code ContentArchived}.
 */
@ApplicationModule(displayName = "Content library", allowedDependencies = { "catalog", "audit", "shared :: *" })
@NullMarked
package io.shopops.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
