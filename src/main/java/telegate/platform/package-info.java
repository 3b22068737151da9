/** What every component shares: the database, configuration defaults, logging. */
package telegate.platform;
