package io.relais.command.notion;

import io.relais.websupport.limits.RequestBodyAllowance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The import's path may receive a whole Notion export; every other path keeps the small body limit. */
@Configuration(proxyBeanMethods = false)
class NotionUploadLimit {

    @Bean
    RequestBodyAllowance notionExportUpload(NotionImportSettings settings) {
        return new RequestBodyAllowance("/api/imports/notion", settings.maxUploadBytes());
    }
}
