// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.
// @ts-nocheck: Ajv standalone output, typed through metadata.ts.
function _issue(list, instancePath, schemaPath, keyword, params) { (list ||= []).push({ instancePath, schemaPath, keyword, params }); return list; }
"use strict";
export const validate_ErrorResponse = validate1;
const schema2 = {"type":"object","required":["message","type"],"properties":{"message":{"type":"string"},"type":{"type":"string"},"code":{"type":["string","null"]},"param":{"type":["string","null"]}},"$id":"sudo-images:def/ErrorDetail"};

function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.message === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "message"});
errors++;
}
if(data.type === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "type"});
errors++;
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
vErrors = _issue(vErrors,instancePath+"/message","#/properties/message/type","type",{type: "string"});
errors++;
}
}
if(data.type !== undefined){
if(typeof data.type !== "string"){
vErrors = _issue(vErrors,instancePath+"/type","#/properties/type/type","type",{type: "string"});
errors++;
}
}
if(data.code !== undefined){
let data2 = data.code;
if((typeof data2 !== "string") && (data2 !== null)){
vErrors = _issue(vErrors,instancePath+"/code","#/properties/code/type","type",{type: schema2.properties.code.type});
errors++;
}
}
if(data.param !== undefined){
let data3 = data.param;
if((typeof data3 !== "string") && (data3 !== null)){
vErrors = _issue(vErrors,instancePath+"/param","#/properties/param/type","type",{type: schema2.properties.param.type});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
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
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "error"});
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
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
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
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "image_tokens"});
errors++;
}
if(data.text_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "text_tokens"});
errors++;
}
if(data.image_tokens !== undefined){
let data0 = data.image_tokens;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
vErrors = _issue(vErrors,instancePath+"/image_tokens","#/properties/image_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2147483647 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/image_tokens","#/properties/image_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data0 < 0 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/image_tokens","#/properties/image_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.text_tokens !== undefined){
let data1 = data.text_tokens;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
vErrors = _issue(vErrors,instancePath+"/text_tokens","#/properties/text_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 2147483647 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/text_tokens","#/properties/text_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data1 < 0 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/text_tokens","#/properties/text_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
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
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "input_tokens"});
errors++;
}
if(data.output_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "output_tokens"});
errors++;
}
if(data.total_tokens === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "total_tokens"});
errors++;
}
if(data.input_tokens_details === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "input_tokens_details"});
errors++;
}
if(data.input_tokens !== undefined){
let data0 = data.input_tokens;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
vErrors = _issue(vErrors,instancePath+"/input_tokens","#/properties/input_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 2147483647 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/input_tokens","#/properties/input_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data0 < 0 || isNaN(data0)){
vErrors = _issue(vErrors,instancePath+"/input_tokens","#/properties/input_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.output_tokens !== undefined){
let data1 = data.output_tokens;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
vErrors = _issue(vErrors,instancePath+"/output_tokens","#/properties/output_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 2147483647 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/output_tokens","#/properties/output_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data1 < 0 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/output_tokens","#/properties/output_tokens/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.total_tokens !== undefined){
let data2 = data.total_tokens;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
vErrors = _issue(vErrors,instancePath+"/total_tokens","#/properties/total_tokens/type","type",{type: "integer"});
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 2147483647 || isNaN(data2)){
vErrors = _issue(vErrors,instancePath+"/total_tokens","#/properties/total_tokens/maximum","maximum",{comparison: "<=", limit: 2147483647});
errors++;
}
if(data2 < 0 || isNaN(data2)){
vErrors = _issue(vErrors,instancePath+"/total_tokens","#/properties/total_tokens/minimum","minimum",{comparison: ">=", limit: 0});
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
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
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
vErrors = _issue(vErrors,instancePath+"/b64_json","#/properties/b64_json/type","type",{type: schema6.properties.b64_json.type});
errors++;
}
}
if(data.revised_prompt !== undefined){
let data1 = data.revised_prompt;
if((typeof data1 !== "string") && (data1 !== null)){
vErrors = _issue(vErrors,instancePath+"/revised_prompt","#/properties/revised_prompt/type","type",{type: schema6.properties.revised_prompt.type});
errors++;
}
}
if(data.url !== undefined){
let data2 = data.url;
if((typeof data2 !== "string") && (data2 !== null)){
vErrors = _issue(vErrors,instancePath+"/url","#/properties/url/type","type",{type: schema6.properties.url.type});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
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
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "data"});
errors++;
}
if(data.background !== undefined){
let data0 = data.background;
if((typeof data0 !== "string") && (data0 !== null)){
vErrors = _issue(vErrors,instancePath+"/background","#/properties/background/type","type",{type: schema3.properties.background.type});
errors++;
}
}
if(data.created !== undefined){
let data1 = data.created;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
vErrors = _issue(vErrors,instancePath+"/created","#/properties/created/type","type",{type: schema3.properties.created.type});
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 9007199254740991 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/created","#/properties/created/maximum","maximum",{comparison: "<=", limit: 9007199254740991});
errors++;
}
if(data1 < 0 || isNaN(data1)){
vErrors = _issue(vErrors,instancePath+"/created","#/properties/created/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.output_format !== undefined){
let data2 = data.output_format;
if((typeof data2 !== "string") && (data2 !== null)){
vErrors = _issue(vErrors,instancePath+"/output_format","#/properties/output_format/type","type",{type: schema3.properties.output_format.type});
errors++;
}
}
if(data.quality !== undefined){
let data3 = data.quality;
if((typeof data3 !== "string") && (data3 !== null)){
vErrors = _issue(vErrors,instancePath+"/quality","#/properties/quality/type","type",{type: schema3.properties.quality.type});
errors++;
}
}
if(data.size !== undefined){
let data4 = data.size;
if((typeof data4 !== "string") && (data4 !== null)){
vErrors = _issue(vErrors,instancePath+"/size","#/properties/size/type","type",{type: schema3.properties.size.type});
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
vErrors = _issue(vErrors,instancePath+"/usage","#/properties/usage/anyOf/1/type","type",{type: "null"});
errors++;
}
var _valid0 = _errs14 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
vErrors = _issue(vErrors,instancePath+"/usage","#/properties/usage/anyOf","anyOf",{});
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
vErrors = _issue(vErrors,instancePath+"/data","#/properties/data/type","type",{type: "array"});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
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
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/0/then/properties/prompt/maxLength","maxLength",{limit: 1000});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/0/then/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.size !== undefined){
let data2 = data.size;
if(!((((data2 === "256x256") || (data2 === "512x512")) || (data2 === "1024x1024")) || (data2 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/0/then/properties/size/enum","enum",{allowedValues: schema7.allOf[0].then.properties.size.enum});
errors++;
}
}
if(data.quality !== undefined){
let data3 = data.quality;
if(!((data3 === "standard") || (data3 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/0/then/properties/quality/enum","enum",{allowedValues: schema7.allOf[0].then.properties.quality.enum});
errors++;
}
}
if(data.style !== undefined){
if(data.style !== null){
vErrors = _issue(vErrors,instancePath+"/style","#/allOf/0/then/properties/style/type","type",{type: "null"});
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
}
if(!valid1){
vErrors = _issue(vErrors,instancePath,"#/allOf/0/if","if",{failingKeyword: "then"});
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
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/1/then/properties/prompt/maxLength","maxLength",{limit: 4000});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/1/then/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.n !== undefined){
let data7 = data.n;
if(!((data7 === 1) || (data7 === null))){
vErrors = _issue(vErrors,instancePath+"/n","#/allOf/1/then/properties/n/enum","enum",{allowedValues: schema7.allOf[1].then.properties.n.enum});
errors++;
}
}
if(data.size !== undefined){
let data8 = data.size;
if(!((((data8 === "1024x1024") || (data8 === "1792x1024")) || (data8 === "1024x1792")) || (data8 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/1/then/properties/size/enum","enum",{allowedValues: schema7.allOf[1].then.properties.size.enum});
errors++;
}
}
if(data.quality !== undefined){
let data9 = data.quality;
if(!(((data9 === "standard") || (data9 === "hd")) || (data9 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/1/then/properties/quality/enum","enum",{allowedValues: schema7.allOf[1].then.properties.quality.enum});
errors++;
}
}
}
var _valid1 = _errs16 === errors;
valid4 = _valid1;
}
if(!valid4){
vErrors = _issue(vErrors,instancePath,"#/allOf/1/if","if",{failingKeyword: "then"});
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
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/2/then/properties/prompt/maxLength","maxLength",{limit: 32000});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/allOf/2/then/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.size !== undefined){
let data12 = data.size;
if(!(((((data12 === "1024x1024") || (data12 === "1536x1024")) || (data12 === "1024x1536")) || (data12 === "auto")) || (data12 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/allOf/2/then/properties/size/enum","enum",{allowedValues: schema7.allOf[2].then.properties.size.enum});
errors++;
}
}
if(data.quality !== undefined){
let data13 = data.quality;
if(!(((((data13 === "low") || (data13 === "medium")) || (data13 === "high")) || (data13 === "auto")) || (data13 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/allOf/2/then/properties/quality/enum","enum",{allowedValues: schema7.allOf[2].then.properties.quality.enum});
errors++;
}
}
if(data.response_format !== undefined){
if(data.response_format !== null){
vErrors = _issue(vErrors,instancePath+"/response_format","#/allOf/2/then/properties/response_format/type","type",{type: "null"});
errors++;
}
}
if(data.style !== undefined){
if(data.style !== null){
vErrors = _issue(vErrors,instancePath+"/style","#/allOf/2/then/properties/style/type","type",{type: "null"});
errors++;
}
}
}
var _valid2 = _errs27 === errors;
valid7 = _valid2;
}
if(!valid7){
vErrors = _issue(vErrors,instancePath,"#/allOf/2/if","if",{failingKeyword: "then"});
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
vErrors = _issue(vErrors,instancePath,"#/allOf/3/then/required","required",{missingProperty: "output_format"});
errors++;
}
if(data.output_format !== undefined){
let data17 = data.output_format;
if(!((data17 === "jpeg") || (data17 === "webp"))){
vErrors = _issue(vErrors,instancePath+"/output_format","#/allOf/3/then/properties/output_format/enum","enum",{allowedValues: schema7.allOf[3].then.properties.output_format.enum});
errors++;
}
}
}
var _valid3 = _errs41 === errors;
valid10 = _valid3;
}
if(!valid10){
vErrors = _issue(vErrors,instancePath,"#/allOf/3/if","if",{failingKeyword: "then"});
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
vErrors = _issue(vErrors,instancePath+"/output_format","#/allOf/4/then/properties/output_format/enum","enum",{allowedValues: schema7.allOf[4].then.properties.output_format.enum});
errors++;
}
}
}
var _valid4 = _errs47 === errors;
valid13 = _valid4;
}
if(!valid13){
vErrors = _issue(vErrors,instancePath,"#/allOf/4/if","if",{failingKeyword: "then"});
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "prompt"});
errors++;
}
if(data.model === undefined){
vErrors = _issue(vErrors,instancePath,"#/required","required",{missingProperty: "model"});
errors++;
}
if(data.prompt !== undefined){
let data20 = data.prompt;
if(typeof data20 === "string"){
if(data20.length < 1){
vErrors = _issue(vErrors,instancePath+"/prompt","#/properties/prompt/minLength","minLength",{limit: 1});
errors++;
}
}
else {
vErrors = _issue(vErrors,instancePath+"/prompt","#/properties/prompt/type","type",{type: "string"});
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
vErrors = _issue(vErrors,instancePath+"/model","#/properties/model/type","type",{type: "string"});
errors++;
}
}
if(data.n !== undefined){
let data22 = data.n;
if((!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))) && (data22 !== null)){
vErrors = _issue(vErrors,instancePath+"/n","#/properties/n/type","type",{type: schema7.properties.n.type});
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 > 10 || isNaN(data22)){
vErrors = _issue(vErrors,instancePath+"/n","#/properties/n/maximum","maximum",{comparison: "<=", limit: 10});
errors++;
}
if(data22 < 1 || isNaN(data22)){
vErrors = _issue(vErrors,instancePath+"/n","#/properties/n/minimum","minimum",{comparison: ">=", limit: 1});
errors++;
}
}
}
if(data.response_format !== undefined){
let data23 = data.response_format;
if((typeof data23 !== "string") && (data23 !== null)){
vErrors = _issue(vErrors,instancePath+"/response_format","#/properties/response_format/type","type",{type: schema7.properties.response_format.type});
errors++;
}
if(!(((data23 === "url") || (data23 === "b64_json")) || (data23 === null))){
vErrors = _issue(vErrors,instancePath+"/response_format","#/properties/response_format/enum","enum",{allowedValues: schema7.properties.response_format.enum});
errors++;
}
}
if(data.quality !== undefined){
let data24 = data.quality;
if((typeof data24 !== "string") && (data24 !== null)){
vErrors = _issue(vErrors,instancePath+"/quality","#/properties/quality/type","type",{type: schema7.properties.quality.type});
errors++;
}
if(!(((((((data24 === "standard") || (data24 === "hd")) || (data24 === "low")) || (data24 === "medium")) || (data24 === "high")) || (data24 === "auto")) || (data24 === null))){
vErrors = _issue(vErrors,instancePath+"/quality","#/properties/quality/enum","enum",{allowedValues: schema7.properties.quality.enum});
errors++;
}
}
if(data.size !== undefined){
let data25 = data.size;
if((typeof data25 !== "string") && (data25 !== null)){
vErrors = _issue(vErrors,instancePath+"/size","#/properties/size/type","type",{type: schema7.properties.size.type});
errors++;
}
if(!(((((((((data25 === "256x256") || (data25 === "512x512")) || (data25 === "1024x1024")) || (data25 === "1792x1024")) || (data25 === "1024x1792")) || (data25 === "1536x1024")) || (data25 === "1024x1536")) || (data25 === "auto")) || (data25 === null))){
vErrors = _issue(vErrors,instancePath+"/size","#/properties/size/enum","enum",{allowedValues: schema7.properties.size.enum});
errors++;
}
}
if(data.style !== undefined){
let data26 = data.style;
if((typeof data26 !== "string") && (data26 !== null)){
vErrors = _issue(vErrors,instancePath+"/style","#/properties/style/type","type",{type: schema7.properties.style.type});
errors++;
}
if(!(((data26 === "vivid") || (data26 === "natural")) || (data26 === null))){
vErrors = _issue(vErrors,instancePath+"/style","#/properties/style/enum","enum",{allowedValues: schema7.properties.style.enum});
errors++;
}
}
if(data.background !== undefined){
let data27 = data.background;
if((typeof data27 !== "string") && (data27 !== null)){
vErrors = _issue(vErrors,instancePath+"/background","#/properties/background/type","type",{type: schema7.properties.background.type});
errors++;
}
}
if(data.moderation !== undefined){
let data28 = data.moderation;
if((typeof data28 !== "string") && (data28 !== null)){
vErrors = _issue(vErrors,instancePath+"/moderation","#/properties/moderation/type","type",{type: schema7.properties.moderation.type});
errors++;
}
}
if(data.output_compression !== undefined){
let data29 = data.output_compression;
if((!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))) && (data29 !== null)){
vErrors = _issue(vErrors,instancePath+"/output_compression","#/properties/output_compression/type","type",{type: schema7.properties.output_compression.type});
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 > 100 || isNaN(data29)){
vErrors = _issue(vErrors,instancePath+"/output_compression","#/properties/output_compression/maximum","maximum",{comparison: "<=", limit: 100});
errors++;
}
if(data29 < 0 || isNaN(data29)){
vErrors = _issue(vErrors,instancePath+"/output_compression","#/properties/output_compression/minimum","minimum",{comparison: ">=", limit: 0});
errors++;
}
}
}
if(data.output_format !== undefined){
let data30 = data.output_format;
if((typeof data30 !== "string") && (data30 !== null)){
vErrors = _issue(vErrors,instancePath+"/output_format","#/properties/output_format/type","type",{type: schema7.properties.output_format.type});
errors++;
}
}
}
else {
vErrors = _issue(vErrors,instancePath,"#/type","type",{type: "object"});
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

