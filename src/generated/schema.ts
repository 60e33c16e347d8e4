// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.

export interface paths {
    "/v1/images/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate images from a prompt
         * @description Creates one or more images for a text prompt with the chosen model. Images come back as URLs or as base64-encoded bytes, as `response_format` asks.
         */
        post: operations["generateImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description What to draw, with which model, and how to return it. */
        ImageGenerationRequest: {
            /** @description A text description of the image to create. */
            prompt: string;
            /**
             * @description The model that draws the image, such as `gpt-image-2`. Sudo routes many providers' models: a model the rules below do not name gets the field rules alone.
             * @example gpt-image-2
             * @example gpt-image-2.5
             * @example gpt-image-2.6
             */
            model: string;
            /**
             * Format: int32
             * @description How many images to create.
             */
            n?: number | null;
            /**
             * @description Whether images come back as URLs or as base64-encoded bytes (not taken by the gpt-image models).
             * @enum {string|null}
             */
            response_format?: "url" | "b64_json" | null;
            /**
             * @description Rendering quality: every value a model takes. The gpt-image models take `low`, `medium`, `high` and `auto` (gpt-image-2.5 and 2.6 also `xhigh` and `max`); `standard` and `hd` were dall-e-3's. A model's rule below narrows it.
             * @enum {string|null}
             */
            quality?: "low" | "medium" | "high" | "auto" | "xhigh" | "max" | "standard" | "hd" | null;
            /**
             * @description Width by height of each image in pixels (`WxH`), or `auto`. A model's rule below narrows it: gpt-image-2 takes any size whose sides are multiples of 16, up to 3840.
             * @example auto
             * @example 1024x1024
             * @example 1536x1024
             * @example 1024x1536
             * @example 1536x864
             */
            size?: string | null;
            /**
             * @description Visual style of the image (dall-e-3).
             * @enum {string|null}
             */
            style?: "vivid" | "natural" | null;
            /**
             * @description Background treatment, such as `transparent` (OpenAI models only).
             * @example transparent
             * @example opaque
             * @example auto
             */
            background?: string | null;
            /**
             * @description Strictness of content moderation (OpenAI models only).
             * @example auto
             * @example low
             */
            moderation?: string | null;
            /**
             * Format: int32
             * @description Compression level of the output file, in percent (OpenAI models only).
             */
            output_compression?: number | null;
            /**
             * @description File format of the output, such as `png`, `jpeg` or `webp` (OpenAI models only).
             * @example png
             * @example jpeg
             * @example webp
             */
            output_format?: string | null;
        } & (unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown);
        /** @description The result of an image generation request. */
        ImageGeneration: {
            /** @description The background setting used (OpenAI models only). */
            background?: string | null;
            /**
             * Format: int64
             * @description When the images were created, in Unix seconds.
             */
            created?: number | null;
            /** @description The file format of the images (OpenAI models only). */
            output_format?: string | null;
            /** @description The quality setting used (OpenAI models only). */
            quality?: string | null;
            /** @description The size of the images (OpenAI models only). */
            size?: string | null;
            /** @description Tokens the request consumed (OpenAI models only). */
            usage?: components["schemas"]["ImageUsage"] | null;
            /** @description The generated images, one entry per image. */
            data: components["schemas"]["ImageData"][];
        };
        /** @description One generated image, as a URL or as base64-encoded bytes. */
        ImageData: {
            /** @description The image bytes, base64-encoded, when `response_format` is `b64_json`. */
            b64_json?: string | null;
            /** @description The prompt the model actually drew from, when it rewrote yours. */
            revised_prompt?: string | null;
            /** @description Where to download the image, when `response_format` is `url`. */
            url?: string | null;
        };
        /** @description Token accounting for one request. */
        ImageUsage: {
            /**
             * Format: int32
             * @description Tokens in the input (text and images).
             */
            input_tokens: number;
            /**
             * Format: int32
             * @description Tokens in the generated images.
             */
            output_tokens: number;
            /**
             * Format: int32
             * @description Input and output tokens together.
             */
            total_tokens: number;
            input_tokens_details: components["schemas"]["ImageInputTokens"];
        };
        /** @description How the input tokens split between images and text. */
        ImageInputTokens: {
            /**
             * Format: int32
             * @description Tokens spent on input images.
             */
            image_tokens: number;
            /**
             * Format: int32
             * @description Tokens spent on the text prompt.
             */
            text_tokens: number;
        };
        /** @description The body of every failed request. */
        ErrorResponse: {
            error: components["schemas"]["ErrorDetail"];
        };
        /** @description What went wrong. */
        ErrorDetail: {
            /** @description A readable explanation of the failure. */
            message: string;
            /** @description The kind of failure, such as `invalid_request_error`. */
            type: string;
            /** @description A machine-readable error code, when there is one. */
            code?: string | null;
            /** @description The request field the error is about, when there is one. */
            param?: string | null;
        };
    };
    responses: {
        /** @description The request failed; the body says why. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    generateImage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImageGenerationRequest"];
            };
        };
        responses: {
            /** @description The generated images. */
            200: {
                headers: {
                    /** @description The request's id at Sudo, for support and logs (`requestId` on a result and on an error). */
                    "x-request-id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageGeneration"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description No such model, or one that was shut down (`code` is `model_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            502: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
}
