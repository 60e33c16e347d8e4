// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.
// @ts-nocheck: Ajv standalone output, typed through metadata.ts.
"use strict";
export const validate_ErrorResponse = validate1;
const schema2 = {"type":"object","required":["message","type"],"properties":{"message":{"type":"string"},"type":{"type":"string"},"code":{"type":["string","null"]},"param":{"type":["string","null"]}},"$id":"sudo-images:def/ErrorDetail"};

function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.message === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
(vErrors ||= []).push(err0);
errors++;
}
if(data.type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
(vErrors ||= []).push(err1);
errors++;
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
const err2 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
(vErrors ||= []).push(err2);
errors++;
}
}
if(data.type !== undefined){
if(typeof data.type !== "string"){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
(vErrors ||= []).push(err3);
errors++;
}
}
if(data.code !== undefined){
let data2 = data.code;
if((typeof data2 !== "string") && (data2 !== null)){
const err4 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: schema2.properties.code.type},message:"must be string,null"};
(vErrors ||= []).push(err4);
errors++;
}
}
if(data.param !== undefined){
let data3 = data.param;
if((typeof data3 !== "string") && (data3 !== null)){
const err5 = {instancePath:instancePath+"/param",schemaPath:"#/properties/param/type",keyword:"type",params:{type: schema2.properties.param.type},message:"must be string,null"};
(vErrors ||= []).push(err5);
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
(vErrors ||= []).push(err6);
errors++;
}
validate2.errors = vErrors;
return errors === 0;
}


function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.error === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'"};
(vErrors ||= []).push(err0);
errors++;
}
if(data.error !== undefined){
if(!(validate2(data.error, {instancePath:instancePath+"/error",parentData:data,parentDataProperty:"error",rootData}))){
vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
(vErrors ||= []).push(err1);
errors++;
}
validate1.errors = vErrors;
return errors === 0;
}

export const validate_ImageGeneration = validate4;
const schema3 = {"type":"object","required":["data"],"properties":{"background":{"type":["string","null"]},"created":{"type":["integer","null"],"minimum":0,"maximum":9007199254740991},"output_format":{"type":["string","null"]},"quality":{"type":["string","null"]},"size":{"type":["string","null"]},"usage":{"anyOf":[{"$ref":"sudo-images:spec#/$defs/ImageUsage"},{"type":"null"}]},"data":{"type":"array","items":{"$ref":"sudo-images:spec#/$defs/ImageData"}}},"$id":"sudo-images:def/ImageGeneration"};

function validate6(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.image_tokens === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "image_tokens"},message:"must have required property '"+"image_tokens"+"'"};
(vErrors ||= []).push(err0);
errors++;
}
if(data.text_tokens === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "text_tokens"},message:"must have required property '"+"text_tokens"+"'"};
(vErrors ||= []).push(err1);
errors++;
}
if(data.image_tokens !== undefined){
let data0 = data.image_tokens;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/image_tokens",schemaPath:"#/properties/image_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
(vErrors ||= []).push(err2);
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2147483647 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/image_tokens",schemaPath:"#/properties/image_tokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"};
(vErrors ||= []).push(err3);
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err4 = {instancePath:instancePath+"/image_tokens",schemaPath:"#/properties/image_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
(vErrors ||= []).push(err4);
errors++;
}
}
}
if(data.text_tokens !== undefined){
let data1 = data.text_tokens;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err5 = {instancePath:instancePath+"/text_tokens",schemaPath:"#/properties/text_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
(vErrors ||= []).push(err5);
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 2147483647 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/text_tokens",schemaPath:"#/properties/text_tokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"};
(vErrors ||= []).push(err6);
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/text_tokens",schemaPath:"#/properties/text_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
(vErrors ||= []).push(err7);
errors++;
}
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
(vErrors ||= []).push(err8);
errors++;
}
validate6.errors = vErrors;
return errors === 0;
}


function validate5(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.input_tokens === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input_tokens"},message:"must have required property '"+"input_tokens"+"'"};
(vErrors ||= []).push(err0);
errors++;
}
if(data.output_tokens === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "output_tokens"},message:"must have required property '"+"output_tokens"+"'"};
(vErrors ||= []).push(err1);
errors++;
}
if(data.total_tokens === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total_tokens"},message:"must have required property '"+"total_tokens"+"'"};
(vErrors ||= []).push(err2);
errors++;
}
if(data.input_tokens_details === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input_tokens_details"},message:"must have required property '"+"input_tokens_details"+"'"};
(vErrors ||= []).push(err3);
errors++;
}
if(data.input_tokens !== undefined){
let data0 = data.input_tokens;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err4 = {instancePath:instancePath+"/input_tokens",schemaPath:"#/properties/input_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
(vErrors ||= []).push(err4);
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2147483647 || isNaN(data0)){
const err5 = {instancePath:instancePath+"/input_tokens",schemaPath:"#/properties/input_tokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"};
(vErrors ||= []).push(err5);
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err6 = {instancePath:instancePath+"/input_tokens",schemaPath:"#/properties/input_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
(vErrors ||= []).push(err6);
errors++;
}
}
}
if(data.output_tokens !== undefined){
let data1 = data.output_tokens;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/output_tokens",schemaPath:"#/properties/output_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
(vErrors ||= []).push(err7);
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 2147483647 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/output_tokens",schemaPath:"#/properties/output_tokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"};
(vErrors ||= []).push(err8);
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/output_tokens",schemaPath:"#/properties/output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
(vErrors ||= []).push(err9);
errors++;
}
}
}
if(data.total_tokens !== undefined){
let data2 = data.total_tokens;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err10 = {instancePath:instancePath+"/total_tokens",schemaPath:"#/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
(vErrors ||= []).push(err10);
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 2147483647 || isNaN(data2)){
const err11 = {instancePath:instancePath+"/total_tokens",schemaPath:"#/properties/total_tokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"};
(vErrors ||= []).push(err11);
errors++;
}
if(data2 < 0 || isNaN(data2)){
const err12 = {instancePath:instancePath+"/total_tokens",schemaPath:"#/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
(vErrors ||= []).push(err12);
errors++;
}
}
}
if(data.input_tokens_details !== undefined){
if(!(validate6(data.input_tokens_details, {instancePath:instancePath+"/input_tokens_details",parentData:data,parentDataProperty:"input_tokens_details",rootData}))){
vErrors = vErrors === null ? validate6.errors : vErrors.concat(validate6.errors);
errors = vErrors.length;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
(vErrors ||= []).push(err13);
errors++;
}
validate5.errors = vErrors;
return errors === 0;
}

const schema6 = {"type":"object","properties":{"b64_json":{"type":["string","null"]},"revised_prompt":{"type":["string","null"]},"url":{"type":["string","null"]}},"$id":"sudo-images:def/ImageData"};

function validate9(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.b64_json !== undefined){
let data0 = data.b64_json;
if((typeof data0 !== "string") && (data0 !== null)){
const err0 = {instancePath:instancePath+"/b64_json",schemaPath:"#/properties/b64_json/type",keyword:"type",params:{type: schema6.properties.b64_json.type},message:"must be string,null"};
(vErrors ||= []).push(err0);
errors++;
}
}
if(data.revised_prompt !== undefined){
let data1 = data.revised_prompt;
if((typeof data1 !== "string") && (data1 !== null)){
const err1 = {instancePath:instancePath+"/revised_prompt",schemaPath:"#/properties/revised_prompt/type",keyword:"type",params:{type: schema6.properties.revised_prompt.type},message:"must be string,null"};
(vErrors ||= []).push(err1);
errors++;
}
}
if(data.url !== undefined){
let data2 = data.url;
if((typeof data2 !== "string") && (data2 !== null)){
const err2 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: schema6.properties.url.type},message:"must be string,null"};
(vErrors ||= []).push(err2);
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
(vErrors ||= []).push(err3);
errors++;
}
validate9.errors = vErrors;
return errors === 0;
}


function validate4(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.data === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"};
(vErrors ||= []).push(err0);
errors++;
}
if(data.background !== undefined){
let data0 = data.background;
if((typeof data0 !== "string") && (data0 !== null)){
const err1 = {instancePath:instancePath+"/background",schemaPath:"#/properties/background/type",keyword:"type",params:{type: schema3.properties.background.type},message:"must be string,null"};
(vErrors ||= []).push(err1);
errors++;
}
}
if(data.created !== undefined){
let data1 = data.created;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
const err2 = {instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: schema3.properties.created.type},message:"must be integer,null"};
(vErrors ||= []).push(err2);
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 9007199254740991 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/created",schemaPath:"#/properties/created/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"};
(vErrors ||= []).push(err3);
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/created",schemaPath:"#/properties/created/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
(vErrors ||= []).push(err4);
errors++;
}
}
}
if(data.output_format !== undefined){
let data2 = data.output_format;
if((typeof data2 !== "string") && (data2 !== null)){
const err5 = {instancePath:instancePath+"/output_format",schemaPath:"#/properties/output_format/type",keyword:"type",params:{type: schema3.properties.output_format.type},message:"must be string,null"};
(vErrors ||= []).push(err5);
errors++;
}
}
if(data.quality !== undefined){
let data3 = data.quality;
if((typeof data3 !== "string") && (data3 !== null)){
const err6 = {instancePath:instancePath+"/quality",schemaPath:"#/properties/quality/type",keyword:"type",params:{type: schema3.properties.quality.type},message:"must be string,null"};
(vErrors ||= []).push(err6);
errors++;
}
}
if(data.size !== undefined){
let data4 = data.size;
if((typeof data4 !== "string") && (data4 !== null)){
const err7 = {instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: schema3.properties.size.type},message:"must be string,null"};
(vErrors ||= []).push(err7);
errors++;
}
}
if(data.usage !== undefined){
let data5 = data.usage;
const _errs12 = errors;
let valid1 = false;
const _errs13 = errors;
if(!(validate5(data5, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData}))){
vErrors = vErrors === null ? validate5.errors : vErrors.concat(validate5.errors);
errors = vErrors.length;
}
var _valid0 = _errs13 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs14 = errors;
if(data5 !== null){
const err8 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
(vErrors ||= []).push(err8);
errors++;
}
var _valid0 = _errs14 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
const err9 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
(vErrors ||= []).push(err9);
errors++;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
}
if(data.data !== undefined){
let data6 = data.data;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
if(!(validate9(data6[i0], {instancePath:instancePath+"/data/" + i0,parentData:data6,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate9.errors : vErrors.concat(validate9.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "array"},message:"must be array"};
(vErrors ||= []).push(err10);
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
(vErrors ||= []).push(err11);
errors++;
}
validate4.errors = vErrors;
return errors === 0;
}

export const validate_ImageGenerationRequest = validate11;
const schema7 = {"type":"object","required":["prompt","model"],"properties":{"prompt":{"type":"string","minLength":1},"model":{"type":"string"},"n":{"type":["integer","null"],"minimum":1,"maximum":10},"response_format":{"type":["string","null"],"enum":["url","b64_json",null]},"quality":{"type":["string","null"],"enum":["standard","hd","low","medium","high","auto",null]},"size":{"type":["string","null"],"enum":["256x256","512x512","1024x1024","1792x1024","1024x1792","1536x1024","1024x1536","auto",null]},"style":{"type":["string","null"],"enum":["vivid","natural",null]},"background":{"type":["string","null"]},"moderation":{"type":["string","null"]},"output_compression":{"type":["integer","null"],"minimum":0,"maximum":100},"output_format":{"type":["string","null"]}},"allOf":[{"if":{"required":["model"],"properties":{"model":{"const":"dall-e-2"}}},"then":{"properties":{"prompt":{"type":"string","maxLength":1000},"size":{"enum":["256x256","512x512","1024x1024",null]},"quality":{"enum":["standard",null]},"style":{"type":"null"}}}},{"if":{"required":["model"],"properties":{"model":{"const":"dall-e-3"}}},"then":{"properties":{"prompt":{"type":"string","maxLength":4000},"n":{"enum":[1,null]},"size":{"enum":["1024x1024","1792x1024","1024x1792",null]},"quality":{"enum":["standard","hd",null]}}}},{"if":{"required":["model"],"properties":{"model":{"type":"string","pattern":"^gpt-image-"}}},"then":{"properties":{"prompt":{"type":"string","maxLength":32000},"size":{"enum":["1024x1024","1536x1024","1024x1536","auto",null]},"quality":{"enum":["low","medium","high","auto",null]},"response_format":{"type":"null"},"style":{"type":"null"}}}},{"if":{"required":["output_compression"],"properties":{"output_compression":{"type":"integer"}}},"then":{"required":["output_format"],"properties":{"output_format":{"enum":["jpeg","webp"]}}}},{"if":{"required":["background"],"properties":{"background":{"const":"transparent"}}},"then":{"properties":{"output_format":{"enum":["png","webp",null]}}}}],"$id":"sudo-images:def/ImageGenerationRequest"};
const pattern0 = new RegExp("^gpt-image-", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.model === undefined) && (missing0 = "model")){
const err0 = {};
(vErrors ||= []).push(err0);
errors++;
}
else {
if(data.model !== undefined){
if("dall-e-2" !== data.model){
const err1 = {};
(vErrors ||= []).push(err1);
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt !== undefined){
let data1 = data.prompt;
if(typeof data1 === "string"){
if(data1.length > 1000){
const err2 = {instancePath:instancePath+"/prompt",schemaPath:"#/allOf/0/then/properties/prompt/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
(vErrors ||= []).push(err2);
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/prompt",schemaPath:"#/allOf/0/then/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string"};
(vErrors ||= []).push(err3);
errors++;
}
}
if(data.size !== undefined){
let data2 = data.size;
if(!((((data2 === "256x256") || (data2 === "512x512")) || (data2 === "1024x1024")) || (data2 === null))){
const err4 = {instancePath:instancePath+"/size",schemaPath:"#/allOf/0/then/properties/size/enum",keyword:"enum",params:{allowedValues: schema7.allOf[0].then.properties.size.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err4);
errors++;
}
}
if(data.quality !== undefined){
let data3 = data.quality;
if(!((data3 === "standard") || (data3 === null))){
const err5 = {instancePath:instancePath+"/quality",schemaPath:"#/allOf/0/then/properties/quality/enum",keyword:"enum",params:{allowedValues: schema7.allOf[0].then.properties.quality.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err5);
errors++;
}
}
if(data.style !== undefined){
if(data.style !== null){
const err6 = {instancePath:instancePath+"/style",schemaPath:"#/allOf/0/then/properties/style/type",keyword:"type",params:{type: "null"},message:"must be null"};
(vErrors ||= []).push(err6);
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
}
if(!valid1){
const err7 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
(vErrors ||= []).push(err7);
errors++;
}
const _errs13 = errors;
let valid4 = true;
const _errs14 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.model === undefined) && (missing1 = "model")){
const err8 = {};
(vErrors ||= []).push(err8);
errors++;
}
else {
if(data.model !== undefined){
if("dall-e-3" !== data.model){
const err9 = {};
(vErrors ||= []).push(err9);
errors++;
}
}
}
}
var _valid1 = _errs14 === errors;
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs16 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt !== undefined){
let data6 = data.prompt;
if(typeof data6 === "string"){
if(data6.length > 4000){
const err10 = {instancePath:instancePath+"/prompt",schemaPath:"#/allOf/1/then/properties/prompt/maxLength",keyword:"maxLength",params:{limit: 4000},message:"must NOT have more than 4000 characters"};
(vErrors ||= []).push(err10);
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/prompt",schemaPath:"#/allOf/1/then/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string"};
(vErrors ||= []).push(err11);
errors++;
}
}
if(data.n !== undefined){
let data7 = data.n;
if(!((data7 === 1) || (data7 === null))){
const err12 = {instancePath:instancePath+"/n",schemaPath:"#/allOf/1/then/properties/n/enum",keyword:"enum",params:{allowedValues: schema7.allOf[1].then.properties.n.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err12);
errors++;
}
}
if(data.size !== undefined){
let data8 = data.size;
if(!((((data8 === "1024x1024") || (data8 === "1792x1024")) || (data8 === "1024x1792")) || (data8 === null))){
const err13 = {instancePath:instancePath+"/size",schemaPath:"#/allOf/1/then/properties/size/enum",keyword:"enum",params:{allowedValues: schema7.allOf[1].then.properties.size.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err13);
errors++;
}
}
if(data.quality !== undefined){
let data9 = data.quality;
if(!(((data9 === "standard") || (data9 === "hd")) || (data9 === null))){
const err14 = {instancePath:instancePath+"/quality",schemaPath:"#/allOf/1/then/properties/quality/enum",keyword:"enum",params:{allowedValues: schema7.allOf[1].then.properties.quality.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err14);
errors++;
}
}
}
var _valid1 = _errs16 === errors;
valid4 = _valid1;
}
if(!valid4){
const err15 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
(vErrors ||= []).push(err15);
errors++;
}
const _errs23 = errors;
let valid7 = true;
const _errs24 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.model === undefined) && (missing2 = "model")){
const err16 = {};
(vErrors ||= []).push(err16);
errors++;
}
else {
if(data.model !== undefined){
let data10 = data.model;
const _errs25 = errors;
if(errors === _errs25){
if(typeof data10 === "string"){
if(!pattern0.test(data10)){
const err17 = {};
(vErrors ||= []).push(err17);
errors++;
}
}
else {
const err18 = {};
(vErrors ||= []).push(err18);
errors++;
}
}
}
}
}
var _valid2 = _errs24 === errors;
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs27 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt !== undefined){
let data11 = data.prompt;
if(typeof data11 === "string"){
if(data11.length > 32000){
const err19 = {instancePath:instancePath+"/prompt",schemaPath:"#/allOf/2/then/properties/prompt/maxLength",keyword:"maxLength",params:{limit: 32000},message:"must NOT have more than 32000 characters"};
(vErrors ||= []).push(err19);
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/prompt",schemaPath:"#/allOf/2/then/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string"};
(vErrors ||= []).push(err20);
errors++;
}
}
if(data.size !== undefined){
let data12 = data.size;
if(!(((((data12 === "1024x1024") || (data12 === "1536x1024")) || (data12 === "1024x1536")) || (data12 === "auto")) || (data12 === null))){
const err21 = {instancePath:instancePath+"/size",schemaPath:"#/allOf/2/then/properties/size/enum",keyword:"enum",params:{allowedValues: schema7.allOf[2].then.properties.size.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err21);
errors++;
}
}
if(data.quality !== undefined){
let data13 = data.quality;
if(!(((((data13 === "low") || (data13 === "medium")) || (data13 === "high")) || (data13 === "auto")) || (data13 === null))){
const err22 = {instancePath:instancePath+"/quality",schemaPath:"#/allOf/2/then/properties/quality/enum",keyword:"enum",params:{allowedValues: schema7.allOf[2].then.properties.quality.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err22);
errors++;
}
}
if(data.response_format !== undefined){
if(data.response_format !== null){
const err23 = {instancePath:instancePath+"/response_format",schemaPath:"#/allOf/2/then/properties/response_format/type",keyword:"type",params:{type: "null"},message:"must be null"};
(vErrors ||= []).push(err23);
errors++;
}
}
if(data.style !== undefined){
if(data.style !== null){
const err24 = {instancePath:instancePath+"/style",schemaPath:"#/allOf/2/then/properties/style/type",keyword:"type",params:{type: "null"},message:"must be null"};
(vErrors ||= []).push(err24);
errors++;
}
}
}
var _valid2 = _errs27 === errors;
valid7 = _valid2;
}
if(!valid7){
const err25 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
(vErrors ||= []).push(err25);
errors++;
}
const _errs37 = errors;
let valid10 = true;
const _errs38 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.output_compression === undefined) && (missing3 = "output_compression")){
const err26 = {};
(vErrors ||= []).push(err26);
errors++;
}
else {
if(data.output_compression !== undefined){
let data16 = data.output_compression;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err27 = {};
(vErrors ||= []).push(err27);
errors++;
}
}
}
}
var _valid3 = _errs38 === errors;
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs41 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.output_format === undefined){
const err28 = {instancePath,schemaPath:"#/allOf/3/then/required",keyword:"required",params:{missingProperty: "output_format"},message:"must have required property '"+"output_format"+"'"};
(vErrors ||= []).push(err28);
errors++;
}
if(data.output_format !== undefined){
let data17 = data.output_format;
if(!((data17 === "jpeg") || (data17 === "webp"))){
const err29 = {instancePath:instancePath+"/output_format",schemaPath:"#/allOf/3/then/properties/output_format/enum",keyword:"enum",params:{allowedValues: schema7.allOf[3].then.properties.output_format.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err29);
errors++;
}
}
}
var _valid3 = _errs41 === errors;
valid10 = _valid3;
}
if(!valid10){
const err30 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
(vErrors ||= []).push(err30);
errors++;
}
const _errs44 = errors;
let valid13 = true;
const _errs45 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.background === undefined) && (missing4 = "background")){
const err31 = {};
(vErrors ||= []).push(err31);
errors++;
}
else {
if(data.background !== undefined){
if("transparent" !== data.background){
const err32 = {};
(vErrors ||= []).push(err32);
errors++;
}
}
}
}
var _valid4 = _errs45 === errors;
errors = _errs44;
if(vErrors !== null){
if(_errs44){
vErrors.length = _errs44;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs47 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.output_format !== undefined){
let data19 = data.output_format;
if(!(((data19 === "png") || (data19 === "webp")) || (data19 === null))){
const err33 = {instancePath:instancePath+"/output_format",schemaPath:"#/allOf/4/then/properties/output_format/enum",keyword:"enum",params:{allowedValues: schema7.allOf[4].then.properties.output_format.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err33);
errors++;
}
}
}
var _valid4 = _errs47 === errors;
valid13 = _valid4;
}
if(!valid13){
const err34 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
(vErrors ||= []).push(err34);
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt === undefined){
const err35 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prompt"},message:"must have required property '"+"prompt"+"'"};
(vErrors ||= []).push(err35);
errors++;
}
if(data.model === undefined){
const err36 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
(vErrors ||= []).push(err36);
errors++;
}
if(data.prompt !== undefined){
let data20 = data.prompt;
if(typeof data20 === "string"){
if(data20.length < 1){
const err37 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
(vErrors ||= []).push(err37);
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string"};
(vErrors ||= []).push(err38);
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err39 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
(vErrors ||= []).push(err39);
errors++;
}
}
if(data.n !== undefined){
let data22 = data.n;
if((!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))) && (data22 !== null)){
const err40 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/type",keyword:"type",params:{type: schema7.properties.n.type},message:"must be integer,null"};
(vErrors ||= []).push(err40);
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 > 10 || isNaN(data22)){
const err41 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10"};
(vErrors ||= []).push(err41);
errors++;
}
if(data22 < 1 || isNaN(data22)){
const err42 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
(vErrors ||= []).push(err42);
errors++;
}
}
}
if(data.response_format !== undefined){
let data23 = data.response_format;
if((typeof data23 !== "string") && (data23 !== null)){
const err43 = {instancePath:instancePath+"/response_format",schemaPath:"#/properties/response_format/type",keyword:"type",params:{type: schema7.properties.response_format.type},message:"must be string,null"};
(vErrors ||= []).push(err43);
errors++;
}
if(!(((data23 === "url") || (data23 === "b64_json")) || (data23 === null))){
const err44 = {instancePath:instancePath+"/response_format",schemaPath:"#/properties/response_format/enum",keyword:"enum",params:{allowedValues: schema7.properties.response_format.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err44);
errors++;
}
}
if(data.quality !== undefined){
let data24 = data.quality;
if((typeof data24 !== "string") && (data24 !== null)){
const err45 = {instancePath:instancePath+"/quality",schemaPath:"#/properties/quality/type",keyword:"type",params:{type: schema7.properties.quality.type},message:"must be string,null"};
(vErrors ||= []).push(err45);
errors++;
}
if(!(((((((data24 === "standard") || (data24 === "hd")) || (data24 === "low")) || (data24 === "medium")) || (data24 === "high")) || (data24 === "auto")) || (data24 === null))){
const err46 = {instancePath:instancePath+"/quality",schemaPath:"#/properties/quality/enum",keyword:"enum",params:{allowedValues: schema7.properties.quality.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err46);
errors++;
}
}
if(data.size !== undefined){
let data25 = data.size;
if((typeof data25 !== "string") && (data25 !== null)){
const err47 = {instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: schema7.properties.size.type},message:"must be string,null"};
(vErrors ||= []).push(err47);
errors++;
}
if(!(((((((((data25 === "256x256") || (data25 === "512x512")) || (data25 === "1024x1024")) || (data25 === "1792x1024")) || (data25 === "1024x1792")) || (data25 === "1536x1024")) || (data25 === "1024x1536")) || (data25 === "auto")) || (data25 === null))){
const err48 = {instancePath:instancePath+"/size",schemaPath:"#/properties/size/enum",keyword:"enum",params:{allowedValues: schema7.properties.size.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err48);
errors++;
}
}
if(data.style !== undefined){
let data26 = data.style;
if((typeof data26 !== "string") && (data26 !== null)){
const err49 = {instancePath:instancePath+"/style",schemaPath:"#/properties/style/type",keyword:"type",params:{type: schema7.properties.style.type},message:"must be string,null"};
(vErrors ||= []).push(err49);
errors++;
}
if(!(((data26 === "vivid") || (data26 === "natural")) || (data26 === null))){
const err50 = {instancePath:instancePath+"/style",schemaPath:"#/properties/style/enum",keyword:"enum",params:{allowedValues: schema7.properties.style.enum},message:"must be equal to one of the allowed values"};
(vErrors ||= []).push(err50);
errors++;
}
}
if(data.background !== undefined){
let data27 = data.background;
if((typeof data27 !== "string") && (data27 !== null)){
const err51 = {instancePath:instancePath+"/background",schemaPath:"#/properties/background/type",keyword:"type",params:{type: schema7.properties.background.type},message:"must be string,null"};
(vErrors ||= []).push(err51);
errors++;
}
}
if(data.moderation !== undefined){
let data28 = data.moderation;
if((typeof data28 !== "string") && (data28 !== null)){
const err52 = {instancePath:instancePath+"/moderation",schemaPath:"#/properties/moderation/type",keyword:"type",params:{type: schema7.properties.moderation.type},message:"must be string,null"};
(vErrors ||= []).push(err52);
errors++;
}
}
if(data.output_compression !== undefined){
let data29 = data.output_compression;
if((!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))) && (data29 !== null)){
const err53 = {instancePath:instancePath+"/output_compression",schemaPath:"#/properties/output_compression/type",keyword:"type",params:{type: schema7.properties.output_compression.type},message:"must be integer,null"};
(vErrors ||= []).push(err53);
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 > 100 || isNaN(data29)){
const err54 = {instancePath:instancePath+"/output_compression",schemaPath:"#/properties/output_compression/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};
(vErrors ||= []).push(err54);
errors++;
}
if(data29 < 0 || isNaN(data29)){
const err55 = {instancePath:instancePath+"/output_compression",schemaPath:"#/properties/output_compression/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
(vErrors ||= []).push(err55);
errors++;
}
}
}
if(data.output_format !== undefined){
let data30 = data.output_format;
if((typeof data30 !== "string") && (data30 !== null)){
const err56 = {instancePath:instancePath+"/output_format",schemaPath:"#/properties/output_format/type",keyword:"type",params:{type: schema7.properties.output_format.type},message:"must be string,null"};
(vErrors ||= []).push(err56);
errors++;
}
}
}
else {
const err57 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
(vErrors ||= []).push(err57);
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

